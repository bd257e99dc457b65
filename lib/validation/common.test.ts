import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrorsOf } from './common';
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
