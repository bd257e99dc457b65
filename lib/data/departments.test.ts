import { eq } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { conferences, departments, requestedActions, tasks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { useTestDb } from '@/test/db';
import { makeActor, makeDepartment } from '@/test/fixtures';
import { importDepartments } from './department-import';
import { createDepartment, listDepartments, moveDepartment, setDepartmentActive, updateDepartment } from './departments';

const t = useTestDb();
let admin: Actor;
let others: Actor[];

beforeAll(async () => {
  const dept = await makeDepartment(t.db, { code: 'home' });
  admin = await makeActor(t.db, 'admin');
  others = [await makeActor(t.db, 'secretary'), await makeActor(t.db, 'leader'), await makeActor(t.db, 'department_head', dept.id)];
});

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('department administration', () => {
  it('is refused to every role but admin', async () => {
    for (const actor of others) {
      await expect(createDepartment(actor, { code: 'nope', name: '不行', kind: 'department' })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(importDepartments(actor, utf8('name,kind\n甲,部门\n'))).rejects.toMatchObject({ code: 'forbidden' });
      await expect(moveDepartment(actor, { id: 1, direction: 'up' })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(setDepartmentActive(actor, { id: 1, version: 1, active: false })).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect(await t.db.select().from(departments).where(eq(departments.code, 'nope'))).toEqual([]);
  });

  it('creates, edits and refuses a parent cycle or a stale version', async () => {
    const city = await createDepartment(admin, { code: 'city', name: '市直', kind: 'office' });
    const child = await createDepartment(admin, { code: 'child', name: '下级', kind: 'department', parentId: city.id });
    await expect(updateDepartment(admin, { ...city, parentId: child.id, nameEn: undefined })).rejects.toMatchObject({
      fieldErrors: { parentId: [{ key: 'parentCycle' }] },
    });
    const renamed = await updateDepartment(admin, { id: child.id, version: 1, name: '下级单位', kind: 'department', parentId: city.id });
    expect(renamed.version).toBe(2);
    await expect(updateDepartment(admin, { id: child.id, version: 1, name: '覆盖', kind: 'department' })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('reorders by swapping with the neighbour', async () => {
    const a = await createDepartment(admin, { code: 'ord-a', name: '甲区', kind: 'district' });
    const b = await createDepartment(admin, { code: 'ord-b', name: '乙区', kind: 'district' });
    await moveDepartment(admin, { id: b.id, direction: 'up' });
    const { rows } = await listDepartments(admin, { kind: 'district', sort: 'sortOrder' });
    expect(rows.map((r) => r.code)).toEqual(['ord-b', 'ord-a']);
    expect(await moveDepartment(admin, { id: b.id, direction: 'up' })).toEqual({ moved: false });
    void a;
  });

  it('refuses to deactivate a department with open tasks', async () => {
    const busy = await createDepartment(admin, { code: 'busy', name: '忙碌局', kind: 'department' });
    const [conf] = await t.db
      .insert(conferences)
      .values({ title: '会', year: 2026, quarter: 1, startsAt: new Date('2026-03-01T01:00:00Z'), endsAt: new Date('2026-03-01T03:00:00Z') })
      .returning();
    const [action] = await t.db.insert(requestedActions).values({ conferenceId: conf!.id, seq: 1, number: '2026-Q1-01', title: '事项' }).returning();
    await t.db.insert(tasks).values({ actionId: action!.id, conferenceId: conf!.id, departmentId: busy.id, dueDate: '2026-06-30', originalDueDate: '2026-06-30' });
    await expect(setDepartmentActive(admin, { id: busy.id, version: 1, active: false })).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'departmentHasOpenTasks',
    });
    const idle = await createDepartment(admin, { code: 'idle', name: '空闲局', kind: 'department' });
    await setDepartmentActive(admin, { id: idle.id, version: 1, active: false });
    expect((await listDepartments(admin, { active: false })).rows.map((r) => r.code)).toEqual(['idle']);
  });
});

describe('CSV import', () => {
  it('imports a GBK file with Chinese headers and parents defined above', async () => {
    const csv = '名称,简称,类型,上级\n大连市测试局,测试局,部门,\n测试局下属中心,中心,部门,大连市测试局\n测试区,,区县,\n';
    const result = await importDepartments(admin, iconv.encode(csv, 'gbk'));
    expect(result).toEqual({ created: 3, encoding: 'gbk' });
    const [centre] = await t.db.select().from(departments).where(eq(departments.name, '测试局下属中心'));
    const [parent] = await t.db.select().from(departments).where(eq(departments.name, '大连市测试局'));
    expect(centre!.parentId).toBe(parent!.id);
  });

  it('names the row and column of every problem and imports nothing', async () => {
    const csv = 'name,short name,kind,parent\n好单位,,department,\n,,department,\n坏类型,,planet,\n孤儿,,office,不存在\n好单位,,department,\n';
    const error = await importDepartments(admin, utf8(csv)).catch((e: unknown) => e);
    expect(error).toMatchObject({
      rowErrors: [
        { row: 3, column: 'name', key: 'required' },
        { row: 4, column: 'kind', key: 'unknownKind' },
        { row: 5, column: 'parent', key: 'unknownParent' },
        { row: 6, column: 'name', key: 'duplicateName' },
      ],
    });
    expect(await t.db.select().from(departments).where(eq(departments.name, '好单位'))).toEqual([]);
  });

  it('refuses an unknown or missing header', async () => {
    await expect(importDepartments(admin, utf8('title,kind\nx,department\n'))).rejects.toMatchObject({
      rowErrors: [
        { row: 1, column: 'title', key: 'unknownColumn' },
        { row: 1, column: 'name', key: 'missingColumn' },
      ],
    });
  });
});
