// Issue 16, items 6 and 7: hostile input answers 4xx (a problem, or a form error) and changes
// nothing; ids and encodings are exact; no log line carries what was submitted.
import { sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { captureLogsForTests, errorFields } from '@/lib/log';
import { translator } from '@/lib/i18n/translator';
import { useTestDb } from '@/test/db';
import { maxJsonDepth } from './body';
import { type ApiCall, type ApiWorld, callApi, makeApiWorld, makeTask } from './test-support';
import { tableChecksum } from './table-checksum';

// The form actions run outside Next here: their user, translations and cache are stand-ins.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/lib/auth/session', () => ({ getActor: async () => session.actor, requireActor: async () => session.actor }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('next-intl/server', () => ({
  getLocale: async () => 'en',
  getTranslations: async (namespace: string) => {
    const t = translator('en');
    const scoped = (key: string, values?: Record<string, unknown>) => t(`${namespace}.${key}` as never, values as never);
    return Object.assign(scoped, { has: (key: string) => t.has(`${namespace}.${key}` as never) });
  },
}));

const t = useTestDb();
let w: ApiWorld;

beforeAll(async () => {
  w = await makeApiWorld(t.db);
});

afterEach(() => {
  session.actor = null;
});

async function problem(call: ApiCall) {
  const response = await callApi({ ...call, headers: { 'Accept-Language': 'en', ...call.headers } });
  expect(response.status, `${call.method ?? 'GET'} ${call.path}`).toBeLessThan(500);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return { status: response.status, body: (await response.json()) as { detail: string; errors?: Record<string, string[]> } };
}

const prototypeNames = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
const unknownField = ['Contains a field that is not recognised.'];

describe('fields named like Object.prototype', () => {
  it('are unknown fields (422), at the top and nested, and write nothing', async () => {
    const task = await makeTask(w, w.ownDeptId, 'acknowledged');
    const before = await tableChecksum(t.db);
    for (const name of prototypeNames) {
      // Written as text: JSON.stringify would drop `__proto__` from an object literal.
      const followUp = await problem({ method: 'POST', path: `/tasks/${task.id}/follow-ups`, token: w.tokens.head, body: `{"kind":"comment","body":"x","version":${task.version},"${name}":{"a":1}}` });
      expect(followUp, name).toEqual({ status: 422, body: expect.objectContaining({ errors: { [name]: unknownField } }) });
      const nested = await problem({
        method: 'POST',
        path: `/conferences/${w.conferenceId}/speakers`,
        token: w.tokens.secretary,
        body: `{"role":"report","newPerson":{"name":"刘岩","${name}":"x"}}`,
      });
      expect(nested.status, name).toBe(422);
      expect(Object.keys(nested.body.errors!)).toContain(`newPerson.${name}`);
    }
    expect(await tableChecksum(t.db)).toBe(before);
  });
});

describe('deeply nested JSON', () => {
  it(`is refused past ${maxJsonDepth} levels (400) without parsing it, and counted outside strings only`, async () => {
    const task = await makeTask(w, w.ownDeptId, 'acknowledged');
    const post = (body: string) => problem({ method: 'POST', path: `/tasks/${task.id}/follow-ups`, token: w.tokens.head, body });
    const before = await tableChecksum(t.db);
    const tooDeep = { status: 400, body: expect.objectContaining({ detail: `The request body nests more than ${maxJsonDepth} levels of objects and arrays.` }) };
    expect(await post(`{"kind":"comment","body":${'['.repeat(3000)}${']'.repeat(3000)},"version":1}`)).toEqual(tooDeep);
    expect(await post(`${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`)).toEqual(tooDeep);
    expect(await post(`${'['.repeat(maxJsonDepth + 1)}${']'.repeat(maxJsonDepth + 1)}`)).toEqual(tooDeep);
    // Unclosed nesting is too deep as well, not a parser's stack overflow.
    expect(await post('['.repeat(100_000))).toEqual(tooDeep);
    // At the limit it is read (and then refused as the wrong shape); brackets in text are text.
    expect((await post(`${'['.repeat(maxJsonDepth)}${']'.repeat(maxJsonDepth)}`)).status).toBe(422);
    expect((await post(`{"kind":"comment","body":"${'[{'.repeat(200)}\\"","version":${task.version},"x":1}`)).status).toBe(422);
    expect(await tableChecksum(t.db)).toBe(before);
  });
});

describe('the NUL character', () => {
  it('is a field error in API bodies, queries and in forms, never a database error', async () => {
    const task = await makeTask(w, w.ownDeptId, 'acknowledged');
    const before = await tableChecksum(t.db);
    const invalidCharacter = ['Contains a character that is not allowed.'];
    expect((await problem({ method: 'POST', path: '/people', token: w.tokens.secretary, body: { name: '肖\u0000盛峰' } })).body.errors).toEqual({ name: invalidCharacter });
    expect((await problem({ method: 'POST', path: `/conferences/${w.conferenceId}/venues`, token: w.tokens.secretary, body: { name: '主会场', kind: 'main', address: '\u0000' } })).body.errors).toEqual({
      address: invalidCharacter,
    });
    expect((await problem({ path: `/people?q=${encodeURIComponent('\u0000')}`, token: w.tokens.secretary })).body.errors).toEqual({ q: invalidCharacter });

    session.actor = w.actors.head;
    const { postFollowUpAction } = await import('@/app/(app)/tasks/[taskId]/actions');
    const form = new FormData();
    for (const [key, value] of Object.entries({ taskId: String(task.id), version: String(task.version), kind: 'comment', body: '已阅\u0000' })) form.set(key, value);
    for (const name of prototypeNames) form.set(name, 'x');
    expect(await postFollowUpAction(null, form)).toMatchObject({ ok: false, code: 'validation', fieldErrors: { body: invalidCharacter } });

    session.actor = w.actors.secretary;
    const { addSpeakerAction } = await import('@/app/(app)/conferences/[conferenceId]/parts-actions');
    const speaker = new FormData();
    for (const [key, value] of Object.entries({ conferenceId: String(w.conferenceId), personId: 'new', 'newPerson.name': '刘\u0000岩', role: 'report', topic: '\u0000' })) speaker.set(key, value);
    const added = await addSpeakerAction(null, speaker);
    expect(added).toMatchObject({ ok: false, fieldErrors: { topic: invalidCharacter, 'newPerson.name': invalidCharacter } });
    expect(await tableChecksum(t.db)).toBe(before);
  });
});

describe('exact ids', () => {
  const odd = ['0x1', '1e0', '%201', '1.0', '+1', '01', '1%20', '-1', '1_0'];

  it('a path id that is not plain digits names no record (404), even when Number() would read it', async () => {
    const task = await makeTask(w, w.ownDeptId, 'acknowledged');
    const before = await tableChecksum(t.db);
    // Each reads as the record's own id to Number() (0x1 is 1 only for id 1: spell the real id).
    const spelled = (id: number) => [`0x${id.toString(16)}`, `${id}e0`, `%20${id}`, `${id}.0`, `+${id}`, `0${id}`, `${id}%20`];
    for (const raw of spelled(task.id)) {
      expect((await problem({ path: `/tasks/${raw}`, token: w.tokens.head })).status, raw).toBe(404);
      expect((await problem({ method: 'POST', path: `/tasks/${raw}/follow-ups`, token: w.tokens.head, body: { kind: 'comment', body: 'x', version: task.version } })).status, raw).toBe(404);
    }
    for (const raw of spelled(w.conferenceId)) expect((await problem({ path: `/conferences/${raw}/venues`, token: w.tokens.secretary })).status, raw).toBe(404);
    for (const raw of spelled(w.ownDeptId)) {
      const attendance = { method: 'PATCH', path: `/conferences/${w.conferenceId}/invitations/${raw}`, token: w.tokens.secretary, body: { attendance: 'present', version: 1 } };
      expect((await problem(attendance)).status, raw).toBe(404);
    }
    for (const raw of odd) expect((await problem({ path: `/tasks/${raw}`, token: w.tokens.head })).status, raw).toBe(404);
    // Where the proxy sends a path it cannot decode (proxy.test.ts).
    expect((await problem({ path: '/malformed-path', token: w.tokens.head })).status).toBe(404);
    expect(await tableChecksum(t.db)).toBe(before);
  });

  it('an id or version in a body or a query is an exact number or digits (422 otherwise)', async () => {
    const task = await makeTask(w, w.ownDeptId, 'acknowledged');
    const before = await tableChecksum(t.db);
    for (const version of [`${task.version}e0`, `0x${task.version}`, `${task.version}.0`, ` ${task.version}`, `0${task.version}`]) {
      const refused = await problem({ method: 'POST', path: `/tasks/${task.id}/follow-ups`, token: w.tokens.head, body: { kind: 'comment', body: 'x', version } });
      expect(refused.body.errors, version).toEqual({ version: ['This value has the wrong format.'] });
    }
    const speaker = await problem({ method: 'POST', path: `/conferences/${w.conferenceId}/speakers`, token: w.tokens.secretary, body: { role: 'report', personId: '0x1' } });
    expect(Object.keys(speaker.body.errors!)).toContain('personId');
    expect((await problem({ path: `/tasks?conferenceId=0${w.conferenceId}`, token: w.tokens.secretary })).status).toBe(422);
    expect((await problem({ path: `/tasks?departmentId=${w.ownDeptId}e0`, token: w.tokens.secretary })).status).toBe(422);
    expect(await tableChecksum(t.db)).toBe(before);

    // The form path: the same rule, a field error instead of task 16.
    session.actor = w.actors.head;
    const { postFollowUpAction } = await import('@/app/(app)/tasks/[taskId]/actions');
    const form = new FormData();
    for (const [key, value] of Object.entries({ taskId: `0x${task.id.toString(16)}`, version: String(task.version), kind: 'comment', body: '已阅' })) form.set(key, value);
    expect(await postFollowUpAction(null, form)).toMatchObject({ ok: false, fieldErrors: { taskId: ['This value has the wrong format.'] } });
    expect(await tableChecksum(t.db)).toBe(before);
  });

  it('a JSON number is the number it is: 2 and 2.0 are the same, so both are the version', async () => {
    const task = await makeTask(w, w.ownDeptId, 'acknowledged');
    const posted = await callApi({ method: 'POST', path: `/tasks/${task.id}/follow-ups`, token: w.tokens.head, body: `{"kind":"comment","body":"x","version":${task.version}.0}` });
    expect(posted.status).toBe(201);
  });
});

describe('charsets', () => {
  it('a body declared in a charset other than UTF-8 is 415; UTF-8 in any spelling, or none, is read', async () => {
    const task = await makeTask(w, w.ownDeptId, 'acknowledged');
    const before = await tableChecksum(t.db);
    const post = (contentType: string, version = task.version) =>
      callApi({ method: 'POST', path: `/tasks/${task.id}/follow-ups`, token: w.tokens.head, headers: { 'Content-Type': contentType, 'Accept-Language': 'en' }, body: { kind: 'comment', body: '已阅', version } });
    for (const type of ['application/json; charset=iso-8859-1', 'application/json;charset=GBK', 'application/json; charset="utf-16"', 'application/json; charset=', 'application/json; CHARSET=latin1']) {
      const refused = await post(type);
      expect(refused.status, type).toBe(415);
      expect((await refused.json()).detail).toBe('Send the body as UTF-8: Content-Type: application/json; charset=utf-8, or no charset.');
    }
    expect(await tableChecksum(t.db)).toBe(before);
    let { version } = task;
    for (const type of ['application/json', 'application/json; charset=utf-8', 'application/json; Charset="UTF-8"', 'application/json;charset=utf8']) {
      const accepted = await post(type, version);
      expect(accepted.status, type).toBe(201);
      ({ version } = (await accepted.json()).task);
    }
  });
});

describe('the logs', () => {
  // The request line's path is logged as it is (an access log); bodies and query values are not.
  it('carry no submitted value, on refused requests nor on a failed statement', async () => {
    const marker = 'secret-8c1f2e';
    const task = await makeTask(w, w.ownDeptId, 'acknowledged');
    const logs = captureLogsForTests();
    try {
      await callApi({ method: 'POST', path: `/tasks/${task.id}/follow-ups`, token: w.tokens.head, body: `{"kind":"${marker}","body":"${marker}\\u0000","version":"${marker}","${marker}":1}` });
      await callApi({ method: 'POST', path: `/tasks/${task.id}/follow-ups`, token: w.tokens.head, body: `{"kind":${'['.repeat(40)}"${marker}"` });
      await callApi({ path: `/tasks?q=${marker}&status=${marker}`, token: w.tokens.head });
    } finally {
      logs.stop();
    }
    expect(logs.lines.length).toBeGreaterThan(0);
    expect(JSON.stringify(logs.lines)).not.toContain(marker);

    // A statement that fails on a value: drizzle's message lists the parameters, PostgreSQL quotes it.
    const failed = await t.db.execute(sql`SELECT ${marker}::int`).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(Error);
    const fields = JSON.stringify(errorFields(failed));
    expect(fields).toContain('invalid input syntax for type integer');
    expect(fields).toContain('SELECT $1::int');
    expect(fields).not.toContain(marker);
  });
});
