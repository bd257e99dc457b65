import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrorsOf, id, idOf, mergeFieldErrors, optionalId, requiredText, version } from './common';
import { departmentCodeSchema } from './departments';
import { usernameSchema } from './users';

describe('fieldErrorsOf', () => {
  it('keeps the message key a pattern names', () => {
    const username = usernameSchema.safeParse('Bad Name!');
    expect(fieldErrorsOf(username.error!)).toEqual({ _form: [{ key: 'usernameFormat' }] });
    const code = departmentCodeSchema.safeParse('no spaces');
    expect(fieldErrorsOf(code.error!)).toEqual({ _form: [{ key: 'codeFormat' }] });
  });

  it('says a format is wrong when a pattern names no key', () => {
    const result = z.object({ email: z.email() }).safeParse({ email: 'not-an-email' });
    expect(fieldErrorsOf(result.error!)).toEqual({ email: [{ key: 'invalidFormat' }] });
  });
});

describe('fieldErrorsOf with fields named like Object.prototype', () => {
  it('names each one, whatever its name', () => {
    const names = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
    const input = JSON.parse(`{${names.map((n) => `"${n}": 1`).join(',')}}`) as unknown;
    const result = z.object({}).strict().safeParse(input);
    const issue = result.error!.issues[0]!;
    const perKey = new z.ZodError(names.map((n) => ({ ...issue, path: [n] })));
    const errors = fieldErrorsOf(perKey);
    expect(Object.keys(errors).sort()).toEqual([...names].sort());
    expect(Object.getPrototypeOf(errors)).toBe(Object.prototype);
    for (const n of names) expect(Object.getOwnPropertyDescriptor(errors, n)?.value).toEqual([{ key: 'unknownField' }]);
    // Merging keeps them too (an assignment to `__proto__` would change the prototype instead).
    const merged = mergeFieldErrors({ title: [{ key: 'required' }] }, errors);
    expect(Object.keys(merged)).toHaveLength(names.length + 1);
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
  });
});

describe('exact ids', () => {
  it('takes decimal digits only, up to PostgreSQL\'s integer', () => {
    expect(['1', '42', '2147483647', 7].map(idOf)).toEqual([1, 42, 2_147_483_647, 7]);
    for (const bad of ['0x10', '1e0', ' 1', '1 ', '1.0', '+1', '-1', '01', '0', '', '2147483648', '１', 1.5, 0, -3, 2 ** 53, null, undefined, [], '1,2']) {
      expect(idOf(bad), String(bad)).toBeUndefined();
    }
  });

  it('is the rule of the id, optional id and version schemas', () => {
    for (const schema of [id, version]) {
      expect(schema.parse('16')).toBe(16);
      expect(schema.parse(16)).toBe(16);
      for (const bad of ['0x10', '1e0', ' 1', '1.0', '+1', '01', 'abc', 1.5, 0, 2_147_483_648, true]) expect(schema.safeParse(bad).success, String(bad)).toBe(false);
    }
    expect(optionalId.parse('')).toBeUndefined();
    expect(optionalId.safeParse('0x10').success).toBe(false);
    // A text that is not an id is the wrong format, not a missing value.
    expect(fieldErrorsOf(z.object({ id }).safeParse({ id: '1e0' }).error!)).toEqual({ id: [{ key: 'invalidType' }] });
  });
});

describe('storable text', () => {
  it('refuses the NUL character, which PostgreSQL cannot store', () => {
    const result = z.object({ title: requiredText(100) }).safeParse({ title: 'a\u0000b' });
    expect(fieldErrorsOf(result.error!)).toEqual({ title: [{ key: 'invalidCharacter' }] });
    expect(requiredText(100).parse(' a\u0001b ')).toBe('a\u0001b');
  });
});
