import { z } from 'zod';
import { AppError } from '@/lib/errors';

/** A translated message: a key under `validation.` in messages/*.json and its values. */
export interface FieldMessage {
  key: string;
  values?: Record<string, string | number>;
}
export type FieldErrors = Record<string, FieldMessage[]>;

function messageOf(issue: z.core.$ZodIssue): FieldMessage {
  switch (issue.code) {
    case 'invalid_type': {
      // Zod 4 leaves the input out of its issues; its message still says what it received.
      const missing = 'input' in issue ? issue.input === undefined || issue.input === null || issue.input === '' : /received (undefined|null|NaN)$/.test(issue.message);
      return { key: missing ? 'required' : 'invalidType' };
    }
    case 'too_small':
      if (issue.origin === 'string') return issue.minimum === 1 ? { key: 'required' } : { key: 'tooShort', values: { min: Number(issue.minimum) } };
      return { key: 'tooSmall', values: { min: Number(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'string') return { key: 'tooLong', values: { max: Number(issue.maximum) } };
      return { key: 'tooBig', values: { max: Number(issue.maximum) } };
    case 'invalid_format':
      // A pattern may name its own message (`regex(/…/, 'usernameFormat')`).
      return { key: issue.message && /^[a-zA-Z.]+$/.test(issue.message) ? issue.message : 'invalidFormat' };
    case 'invalid_value':
      return { key: 'invalidChoice' };
    case 'unrecognized_keys':
      return { key: 'unknownField' };
    default:
      // Custom refinements carry their own key as the message.
      return { key: issue.message && /^[a-zA-Z.]+$/.test(issue.message) ? issue.message : 'invalid' };
  }
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  // A Map: a field may be named `constructor` or `__proto__`, which a plain `{}` already "has".
  const out = new Map<string, FieldMessage[]>();
  for (const issue of error.issues) {
    const field = issue.path.length ? issue.path.join('.') : '_form';
    const messages = out.get(field) ?? [];
    messages.push(messageOf(issue));
    out.set(field, messages);
  }
  return Object.fromEntries(out);
}

/** `a` with `b`'s fields added, defining every key (an assignment to `__proto__` would change the prototype instead). */
export function mergeFieldErrors(a: FieldErrors, b: FieldErrors): FieldErrors {
  return Object.fromEntries([...Object.entries(a), ...Object.entries(b)]);
}

export class ValidationError extends AppError {
  constructor(public readonly fieldErrors: FieldErrors) {
    super('validation', 'validation', `invalid input: ${Object.keys(fieldErrors).join(', ')}`, { fieldErrors });
  }
}

/** Parses input at a boundary; data functions re-parse what actions already parsed. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(fieldErrorsOf(result.error));
  return result.data;
}

/**
 * A string the database can store: PostgreSQL refuses the NUL character (U+0000) in text, so it is
 * a field error here rather than a failed statement. Every stored text field is one of these.
 */
export const storableString = () => z.string().refine((v) => !v.includes('\u0000'), 'invalidCharacter');

/** Text from a form: trimmed, empty as undefined. */
export const optionalText = (max: number) =>
  z.preprocess(
    (v) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : typeof v === 'string' ? v.trim() : v),
    storableString().max(max).optional(),
  );
export const requiredText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), storableString().min(1).max(max));

const maxInt4 = 2_147_483_647;
/** An id as written in a path, a query or a form: decimal digits, no sign, space, point or leading zero. */
export const idPattern = /^[1-9][0-9]{0,9}$/;

/** The id a text or number names, or undefined: `0x10`, `1e0`, ` 1`, `1.0`, `01` and ids past PostgreSQL's `integer` name none. */
export function idOf(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && idPattern.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n >= 1 && n <= maxInt4 ? n : undefined;
}

// Texts that are not exact ids stay texts, so the number schema refuses them (`Number()` would take `0x10`).
const exactNumber = (v: unknown) => (v === '' || v === null ? undefined : typeof v === 'string' && idPattern.test(v) ? Number(v) : v);
// Ids and versions are PostgreSQL integers: a larger number would fail in the database, not here.
export const id = z.preprocess(exactNumber, z.number().int().positive().max(maxInt4));
export const optionalId = z.preprocess(exactNumber, z.number().int().positive().max(maxInt4).optional());
export const version = z.preprocess(exactNumber, z.number().int().positive().max(maxInt4));
