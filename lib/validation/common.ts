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
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? issue.path.join('.') : '_form';
    (out[field] ??= []).push(messageOf(issue));
  }
  return out;
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

/** Text from a form: trimmed, empty as undefined. */
export const optionalText = (max: number) =>
  z.preprocess(
    (v) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : typeof v === 'string' ? v.trim() : v),
    z.string().max(max).optional(),
  );
export const requiredText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().min(1).max(max));
// Ids and versions are PostgreSQL integers: a larger number would fail in the database, not here.
export const id = z.coerce.number().int().positive().max(2_147_483_647);
export const optionalId = z.preprocess((v) => (v === '' || v === null ? undefined : v), id.optional());
export const version = z.coerce.number().int().positive().max(2_147_483_647);
