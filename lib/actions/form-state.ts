import type { ActionResult } from './result';

/**
 * What a `useActionState` form keeps between submissions: the last result and what was typed, so a
 * form that failed shows the same values again (React resets uncontrolled fields after an action).
 */
export type FormState<T = undefined, Extra extends object = object> =
  | null
  | (ActionResult<T> & { values?: Record<string, string> } & Extra);

/** The text fields of a submission, without files, Next's own fields and the fields named in `omit` (passwords). */
export function valuesOf(formData: FormData, omit: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== 'string' || key.startsWith('$ACTION') || omit.includes(key)) continue;
    out[key] = value;
  }
  return out;
}

/** A FormData text value; absent or empty is undefined, so zod reports a required field as missing. */
export function textOf(formData: FormData, key: string): string | undefined {
  const value = formData.get(key);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * A key for the fields of a form that failed: new values, new fields. React resets a form after its
 * action and a `<select>` resets to the value it was first rendered with, not to a later defaultValue.
 */
export function fieldsKey(values: Record<string, string> | undefined): string {
  return values ? JSON.stringify(values) : '';
}
