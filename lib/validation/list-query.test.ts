import { describe, expect, expectTypeOf, it } from 'vitest';
import { auditListQuery } from './audit';
import { departmentListQuery } from './departments';
import { clampPage, dayAfter, dayStart, defineList, enumFilter, parseListQuery } from './list-query';
import { userListQuery } from './users';

describe('parseListQuery', () => {
  it('gives the defaults for an empty URL', () => {
    expect(parseListQuery(userListQuery, {})).toEqual({
      q: undefined,
      sort: 'username',
      dir: 'asc',
      page: 1,
      pageSize: 20,
      hide: [],
      role: undefined,
      active: undefined,
    });
    expect(parseListQuery(auditListQuery, {})).toMatchObject({ sort: 'at', dir: 'desc' });
  });

  it('reads every value of a valid URL', () => {
    const query = parseListQuery(userListQuery, {
      q: '  张  伟 ',
      sort: 'lastSignInAt',
      dir: 'desc',
      page: '3',
      pageSize: '50',
      hide: 'role,lastSignInAt',
      role: 'department_head',
      active: 'false',
    });
    expect(query).toEqual({
      q: '张 伟',
      sort: 'lastSignInAt',
      dir: 'desc',
      page: 3,
      pageSize: 50,
      hide: ['role', 'lastSignInAt'],
      role: 'department_head',
      active: false,
    });
    expectTypeOf(query.role).toEqualTypeOf<'admin' | 'secretary' | 'leader' | 'department_head' | undefined>();
    expectTypeOf(query.active).toEqualTypeOf<boolean | undefined>();
    expectTypeOf(query.sort).toEqualTypeOf<'username' | 'displayName' | 'role' | 'department' | 'lastSignInAt'>();
  });

  it('accepts URLSearchParams as the browser has them', () => {
    const query = parseListQuery(departmentListQuery, new URLSearchParams('kind=district&active=true&sort=name&page=2'));
    expect(query).toMatchObject({ kind: 'district', active: true, sort: 'name', dir: 'asc', page: 2 });
  });

  it('falls back to the default for each value that does not parse, never throwing', () => {
    const query = parseListQuery(userListQuery, {
      q: '   ',
      sort: 'password_hash',
      dir: 'sideways',
      page: '-2',
      pageSize: '7',
      hide: 'username,bogus,,role',
      role: 'superuser',
      active: 'yes',
    });
    expect(query).toEqual({
      q: undefined,
      sort: 'username',
      dir: 'asc',
      page: 1,
      pageSize: 20,
      // `username` is the row's name: it cannot be hidden.
      hide: ['role'],
      role: undefined,
      active: undefined,
    });
  });

  it('refuses pages and sizes that are not plain numbers in range', () => {
    for (const page of ['0', '1.5', '1e3', '0x10', '9999999', 'abc', '']) {
      expect(parseListQuery(userListQuery, { page }).page, page).toBe(1);
    }
    for (const pageSize of ['1000', '-20', '20.0', '']) {
      expect(parseListQuery(userListQuery, { pageSize }).pageSize, pageSize).toBe(20);
    }
    expect(parseListQuery(userListQuery, { pageSize: '100' }).pageSize).toBe(100);
  });

  it('takes the first of repeated parameters', () => {
    expect(parseListQuery(userListQuery, { role: ['leader', 'admin'], page: ['2', '5'] })).toMatchObject({ role: 'leader', page: 2 });
  });

  it('limits the search text', () => {
    expect(parseListQuery(userListQuery, { q: 'x'.repeat(100) }).q).toHaveLength(100);
    expect(parseListQuery(userListQuery, { q: 'x'.repeat(101) }).q).toBeUndefined();
  });

  it('sorts a chosen column ascending unless told otherwise', () => {
    expect(parseListQuery(auditListQuery, { sort: 'at' })).toMatchObject({ sort: 'at', dir: 'asc' });
    expect(parseListQuery(auditListQuery, { dir: 'asc' })).toMatchObject({ sort: 'at', dir: 'asc' });
  });

  it('removes repeated hidden columns', () => {
    expect(parseListQuery(departmentListQuery, { hide: 'code,code,kind' }).hide).toEqual(['code', 'kind']);
  });

  it('reads real calendar days only', () => {
    expect(parseListQuery(auditListQuery, { from: '2018-03-15', to: '2018-12-31' })).toMatchObject({ from: '2018-03-15', to: '2018-12-31' });
    for (const day of ['2018-02-30', '2018-13-01', '18-03-15', '2018-3-15', '2018-03-15T00:00', 'today']) {
      expect(parseListQuery(auditListQuery, { from: day }).from, day).toBeUndefined();
    }
  });

  it('reads an audit action area from its list only', () => {
    expect(parseListQuery(auditListQuery, { action: 'task' }).action).toBe('task');
    expect(parseListQuery(auditListQuery, { action: 'task.verify' }).action).toBeUndefined();
    expect(parseListQuery(auditListQuery, { action: "'; drop table" }).action).toBeUndefined();
  });

  it('works for any table defined with defineList', () => {
    const list = defineList({ sort: ['a', 'b'], defaultSort: 'b', defaultDir: 'desc', hideable: [], filters: { level: enumFilter(['x', 'y']) } });
    expect(parseListQuery(list, { level: 'y', hide: 'a' })).toEqual({
      q: undefined,
      sort: 'b',
      dir: 'desc',
      page: 1,
      pageSize: 20,
      hide: [],
      level: 'y',
    });
  });
});

describe('clampPage', () => {
  it('keeps a page that has rows and moves past-the-end pages to the last one', () => {
    expect(clampPage(2, 20, 45)).toBe(2);
    expect(clampPage(9, 20, 45)).toBe(3);
    expect(clampPage(4, 20, 0)).toBe(1);
  });
});

describe('dayStart and dayAfter', () => {
  it('bound a calendar day in Beijing time', () => {
    expect(dayStart('2018-03-15').toISOString()).toBe('2018-03-14T16:00:00.000Z');
    expect(dayAfter('2018-03-15').toISOString()).toBe('2018-03-15T16:00:00.000Z');
    expect(dayAfter('2018-12-31').toISOString()).toBe('2018-12-31T16:00:00.000Z');
  });
});
