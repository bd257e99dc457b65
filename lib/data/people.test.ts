import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, people } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { useTestDb } from '@/test/db';
import { makeActor, makeDepartment } from '@/test/fixtures';
import { createConference } from './conferences';
import { createPerson, getPerson, listPeople, listPeoplePage, updatePerson } from './people';
import { addSpeaker, removeSpeaker } from './speakers';

const t = useTestDb();
let secretary: Actor;
let admin: Actor;
let leader: Actor;
let head: Actor;
let mayor: number;

beforeAll(async () => {
  const dept = (await makeDepartment(t.db)).id;
  secretary = await makeActor(t.db, 'secretary');
  admin = await makeActor(t.db, 'admin');
  leader = await makeActor(t.db, 'leader');
  head = await makeActor(t.db, 'department_head', dept);
  mayor = (await createPerson(secretary, { name: '肖盛峰', nameEn: 'Xiao Shengfeng', position: '市长', positionEn: 'Mayor', organization: '大连市人民政府' })).id;
  await createPerson(admin, { name: '刘岩', nameEn: 'Liu Yan', position: '副市长', positionEn: 'Deputy Mayor', organization: '大连市人民政府' });
  await createPerson(secretary, { name: '骆东升', nameEn: 'Luo Dongsheng', position: '市政府秘书长', organization: '大连市人民政府办公室', organizationEn: 'General Office' });
  await createPerson(secretary, { name: '王强' });
});

describe('the people directory', () => {
  it('searches names, positions and organizations in both languages', async () => {
    const names = async (q: string) => (await listPeoplePage(secretary, { q })).rows.map((r) => r.name);
    expect(await names('副市长')).toEqual(['刘岩']);
    expect(await names('mayor')).toEqual(['刘岩', '肖盛峰']);
    expect(await names('general office')).toEqual(['骆东升']);
    expect(await names('luo')).toEqual(['骆东升']);
    expect((await listPeoplePage(secretary, { q: '人民政府办公室' })).total).toBe(1);
  });

  it('sorts by the chosen column with empty values last, in the reader language, and pages', async () => {
    const en = await listPeoplePage(secretary, { sort: 'name', locale: 'en' });
    expect(en.rows.map((r) => r.nameEn ?? r.name)).toEqual(['Liu Yan', 'Luo Dongsheng', 'Xiao Shengfeng', '王强']);
    const byPosition = await listPeoplePage(secretary, { sort: 'position', dir: 'desc' });
    expect(byPosition.rows.at(-1)!.name).toBe('王强');
    const page2 = await listPeoplePage(secretary, { sort: 'name', locale: 'en', page: 2, pageSize: 3 });
    expect(page2).toMatchObject({ total: 4, rows: [expect.objectContaining({ name: '王强' })] });
  });

  it('counts the conferences a person speaks at', async () => {
    const { conference } = await createConference(secretary, {
      title: '专题会',
      kind: 'special',
      year: 2019,
      startsAt: new Date('2019-05-10T09:00:00+08:00'),
      endsAt: new Date('2019-05-10T11:00:00+08:00'),
      format: 'in_person',
    });
    await addSpeaker(secretary, { conferenceId: conference.id, personId: mayor, role: 'instructions' });
    const removed = await addSpeaker(secretary, { conferenceId: conference.id, personId: mayor, role: 'remarks' });
    await removeSpeaker(secretary, { conferenceId: conference.id, id: removed.id });
    expect((await getPerson(secretary, mayor))?.speeches).toBe(1);
    const bySpeeches = await listPeoplePage(secretary, { sort: 'speeches', dir: 'desc', pageSize: 10 });
    expect(bySpeeches.rows[0]!.name).toBe('肖盛峰');
  });

  it('opens to the office and leaders, not to department heads', async () => {
    for (const actor of [admin, leader]) expect((await listPeoplePage(actor, {})).total).toBe(4);
    await expect(listPeoplePage(head, {})).rejects.toMatchObject({ code: 'forbidden' });
    // Pickers on a conference page still name people for every reader.
    expect((await listPeople(head, { q: '肖' })).map((p) => p.name)).toEqual(['肖盛峰']);
  });
});

describe('adding and editing people', () => {
  it('adds a person with the audit row, refusing an empty name with nothing written', async () => {
    const person = await createPerson(secretary, { name: '  张伟 ', position: '局长' });
    expect(person).toMatchObject({ name: '张伟', position: '局长', nameEn: null, version: 1 });
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'person.create'), eq(auditLog.entityId, String(person.id))));
    expect(audit).toHaveLength(1);
    const before = (await t.db.select().from(people)).length;
    await expect(createPerson(secretary, { name: '  ' })).rejects.toMatchObject({ fieldErrors: { name: [{ key: 'required' }] } });
    expect(await t.db.select().from(people)).toHaveLength(before);
  });

  it('saves an edit against the loaded version; a stale save gets the saved values back', async () => {
    const person = await createPerson(secretary, { name: '赵敏', position: '处长' });
    const saved = await updatePerson(secretary, { id: person.id, version: 1, name: '赵敏', position: '副局长', organization: '市应急管理局' });
    expect(saved).toMatchObject({ position: '副局长', organization: '市应急管理局', version: 2 });
    const stale = await updatePerson(admin, { id: person.id, version: 1, name: '赵敏', position: '局长' }).catch((e: unknown) => e);
    expect(stale).toMatchObject({ code: 'conflict', details: { current: expect.objectContaining({ position: '副局长', version: 2 }) } });
    const [row] = await t.db.select().from(people).where(eq(people.id, person.id));
    expect(row).toMatchObject({ position: '副局长', version: 2 });
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'person.update'), eq(auditLog.entityId, String(person.id))));
    expect(audit.map((a) => [(a.before as { position: string }).position, (a.after as { position: string }).position])).toEqual([['处长', '副局长']]);
  });

  it('refuses writes to leaders and department heads, and a missing person', async () => {
    for (const actor of [leader, head]) {
      await expect(createPerson(actor, { name: '李雷' })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(updatePerson(actor, { id: mayor, version: 1, name: '改名' })).rejects.toMatchObject({ code: 'forbidden' });
    }
    await expect(updatePerson(secretary, { id: 987_654, version: 1, name: '无此人' })).rejects.toMatchObject({ code: 'not_found' });
    expect((await getPerson(secretary, mayor))?.name).toBe('肖盛峰');
  });
});
