// Issue 16: a few thousand generated requests over every write operation of the OpenAPI document,
// each a plausible body with hostile parts (fields named like Object.prototype, deep nesting,
// NUL, huge numbers, wrong types, odd ids and encodings). None may answer 5xx, and none that is
// refused may change a row (a checksum of every table by SQL of its own, lib/api/table-checksum.ts).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { useTestDb } from '@/test/db';
import { setEnv } from '@/test/smtp';
import { openApiDocument } from './openapi';
import { tableChecksum } from './table-checksum';
import { type ApiWorld, callApi, makeApiWorld, makeTask } from './test-support';

const t = useTestDb();
let w: ApiWorld;
const taskIds: number[] = [];

// Thousands of requests a minute from three tokens: the rate limit is not what is tested here.
beforeAll(() => setEnv({ API_RATE_LIMIT: '1000000' }));
afterAll(() => setEnv({ API_RATE_LIMIT: undefined }));

beforeAll(async () => {
  w = await makeApiWorld(t.db);
  for (const state of ['assigned', 'acknowledged', 'in_progress', 'submitted'] as const) taskIds.push((await makeTask(w, w.ownDeptId, state)).id);
});

// FUZZ_REQUESTS and FUZZ_SEED replay a run or make it longer.
const requests = Number(process.env.FUZZ_REQUESTS || 2_500);
const seed = Number(process.env.FUZZ_SEED || 20_160_607);

/** mulberry32: a small seeded generator, so a failing run can be replayed exactly. */
function generator(start: number) {
  let a = start >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    chance: (p: number) => next() < p,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}
type Rng = ReturnType<typeof generator>;

/** JSON text written as it is: numbers JSON.stringify cannot write, nesting, broken syntax. */
class Raw {
  constructor(readonly text: string) {}
}
function toJson(value: unknown): string {
  if (value instanceof Raw) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  if (value && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`).join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

const prototypeNames = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'isPrototypeOf'];
const oddIds = ['0x10', '1e0', '%201', '1.0', '+1', '01', '-1', '0', '2147483648', '99999999999999999999', 'abc', '1%2C2', '%E4%B8%AD', '1%00'];

function hostile(r: Rng): unknown {
  switch (r.int(0, 11)) {
    case 0:
      return r.pick([null, true, false, 0, -1, 1.5, -0.0001, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308]);
    case 1:
      return new Raw(r.pick(['1e400', '-1e400', '123456789012345678901234567890', '-0', '1E+2', '0.1e-400']));
    case 2:
      return r.pick(['', ' ', '\u0000', 'a\u0000b', '\u0000'.repeat(50), '\t\n', '\u200b', '\ud800', '\udfff\ud800', '🚒'.repeat(r.int(1, 300))]);
    case 3:
      return 'x'.repeat(r.pick([201, 301, 1001, 5001, 20_001, 100_001]));
    case 4:
      return r.pick(oddIds);
    case 5:
      return r.pick(["'; DROP TABLE tasks; --", '<script>alert(1)</script>', '${7*7}', '../../etc/passwd', '%s%s%n', '\\', '"']);
    case 6:
      return r.pick(['2026-02-30', '2026-13-01', '0000-00-00', '9999-12-31', '2026-05-20T25:00:00+08:00', '2026-05-20T09:30:00', '2026-05-20T09:30:00+99:00', 'yesterday']);
    case 7:
      return [];
    case 8:
      return Object.fromEntries([[r.pick(prototypeNames), hostile(r)]]);
    case 9: {
      const depth = r.pick([31, 32, 33, 40, 500, 3_000]);
      const [open, close] = r.chance(0.5) ? ['[', ']'] : ['{"a":', '}'];
      return new Raw(`${open.repeat(depth)}1${close.repeat(depth)}`);
    }
    case 10:
      return Array.from({ length: r.pick([1, 3, 501, 2_000]) }, () => r.int(1, 5));
    default:
      return { value: hostile(r) };
  }
}

interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  items?: JsonSchema;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

const doc = openApiDocument() as unknown as {
  paths: Record<string, Record<string, { operationId: string; requestBody?: { content: Record<string, { schema: JsonSchema }> }; parameters?: { name: string; in: string }[] }>>;
  components: { schemas: Record<string, JsonSchema> };
};
const resolve = (schema: JsonSchema): JsonSchema => (schema.$ref ? resolve(doc.components.schemas[schema.$ref.split('/').pop()!]!) : schema);

function knownId(r: Rng, name: string): number {
  if (/department/i.test(name)) return r.pick([w.ownDeptId, w.otherDeptId]);
  if (/conference/i.test(name)) return w.conferenceId;
  if (/task/i.test(name)) return r.pick(taskIds);
  return r.int(1, 8);
}

/** A value the schema allows, more or less: names ending in Id are ids of this world. */
function plausible(r: Rng, input: JsonSchema, name: string, depth = 0): unknown {
  const schema = resolve(input);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return plausible(r, r.pick(branches), name, depth);
  if (schema.allOf) return plausible(r, schema.allOf[0]!, name, depth);
  if (schema.enum) return r.pick(schema.enum);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'object'];
  const type = types.length > 1 && r.chance(0.2) ? r.pick(types) : types[0];
  switch (type) {
    case 'null':
      return null;
    case 'boolean':
      return r.chance(0.5);
    case 'integer':
    case 'number': {
      if (/Id$/.test(name)) return knownId(r, name);
      if (name === 'version') return r.int(1, 4);
      const min = schema.minimum ?? 0;
      const max = Math.min(schema.maximum ?? min + 100, min + 10_000);
      return r.int(min, max);
    }
    case 'string': {
      if (schema.format === 'date') return `20${r.int(19, 30)}-0${r.int(1, 9)}-${r.int(10, 28)}`;
      if (schema.format === 'date-time') return `20${r.int(19, 30)}-0${r.int(1, 9)}-${r.int(10, 28)}T${r.int(10, 18)}:30:00.000+08:00`;
      const text = r.pick(['安全生产大检查', '隐患排查整治', 'Fire safety', '大连市应急管理局', '主会场', '刘岩']);
      return text.slice(0, schema.maxLength ?? text.length);
    }
    case 'array':
      return depth > 4 ? [] : Array.from({ length: r.int(0, 3) }, () => plausible(r, schema.items ?? {}, name.replace(/s$/, ''), depth + 1));
    default: {
      const out: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        if (!schema.required?.includes(key) && r.chance(0.5)) continue;
        out[key] = depth < 4 && r.chance(0.15) ? hostile(r) : plausible(r, property, key, depth + 1);
      }
      return out;
    }
  }
}

function body(r: Rng, schema: JsonSchema): string {
  const roll = r.int(0, 99);
  if (roll < 4) return toJson(hostile(r));
  if (roll < 7) return r.pick(['', '{', '{"a":1,}', 'null', '"text"', '{"a":1}{"b":2}', "{'a':1}", '\u0000', '[' + ']'.repeat(5)]);
  const value = plausible(r, schema, 'body') as Record<string, unknown>;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    if (r.chance(0.15)) Object.defineProperty(value, r.pick(prototypeNames), { value: hostile(r), enumerable: true });
    if (r.chance(0.05)) value.unexpected = hostile(r);
  }
  return toJson(value);
}

function headers(r: Rng): Record<string, string> {
  const out: Record<string, string> = { 'Content-Type': 'application/json', 'Accept-Language': r.pick(['en', 'zh-CN']) };
  if (r.chance(0.06)) out['Content-Type'] = r.pick(['application/json; charset=latin1', 'application/json; charset=utf-16', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=UTF-8']);
  if (r.chance(0.05)) out['If-Match'] = r.pick(['"1"', 'W/"2"', '*', '"x\u00e9"', 'a'.repeat(600)]);
  return out;
}

function pathOf(r: Rng, template: string): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (r.chance(0.12)) return r.pick(oddIds);
    if (name === 'id') return String(template.startsWith('/tasks') ? r.pick(taskIds) : w.conferenceId);
    return String(knownId(r, name));
  });
}

it(`answers ${requests} generated write requests without a 5xx, and refused ones change nothing`, { timeout: 300_000 }, async () => {
  const writes = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).flatMap(([method, operation]) => {
      const schema = operation.requestBody?.content['application/json']?.schema;
      return schema ? [{ method: method.toUpperCase(), path, operationId: operation.operationId, schema }] : [];
    }),
  );
  expect(writes.length).toBeGreaterThanOrEqual(11);
  const r = generator(seed);
  const failures: string[] = [];
  const statuses = new Map<string, number>();
  // The checksum sees a change anywhere (a new task here), so an unchanged one means nothing changed.
  const empty = await tableChecksum(t.db);
  taskIds.push((await makeTask(w, w.otherDeptId)).id);
  let baseline = await tableChecksum(t.db);
  expect(baseline).not.toBe(empty);
  const timing = { request: 0, checksum: 0 };
  for (let i = 0; i < requests; i += 1) {
    const write = writes[i % writes.length]!;
    const path = pathOf(r, write.path);
    const text = body(r, write.schema);
    const token = r.pick([w.tokens.secretary, w.tokens.secretary, w.tokens.secretary, w.tokens.head, w.tokens.leader]);
    const sent = performance.now();
    const response = await callApi({ method: write.method, path, token, body: text, headers: headers(r) });
    const answer = await response.text();
    const key = `${write.operationId} ${response.status}`;
    statuses.set(key, (statuses.get(key) ?? 0) + 1);
    const where = `#${i} ${write.method} ${path} ${text.slice(0, 200)}`;
    if (response.status >= 500) failures.push(`${where} → ${response.status} ${answer.slice(0, 300)}`);
    const checked = performance.now();
    const after = await tableChecksum(t.db);
    timing.request += checked - sent;
    timing.checksum += performance.now() - checked;
    if (response.status >= 400) {
      if (!/^application\/problem\+json/.test(response.headers.get('content-type') ?? '')) failures.push(`${where} → ${response.status} not a problem`);
      if (after !== baseline) failures.push(`${where} → ${response.status} but rows changed`);
    }
    baseline = after;
  }
  if (process.env.FUZZ_STATS) console.log(timing, [...statuses].sort().map(([k, c]) => `${k}: ${c}`).join("\n"));
  expect(failures.slice(0, 20)).toEqual([]);
  // Not every request is refused at the first check: some reach the data layer, some succeed.
  const succeeded = [...statuses].filter(([k]) => /\s2\d\d$/.test(k)).reduce((n, [, c]) => n + c, 0);
  expect(succeeded).toBeGreaterThan(0);
  const refusedBy = new Set([...statuses.keys()].map((k) => k.split(' ')[1]));
  for (const status of ['400', '404', '415', '422']) expect(refusedBy).toContain(status);
});
