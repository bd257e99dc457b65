import { cityOffset } from '@/lib/domain/quarters';

const offsetMs = 8 * 3600_000;
const localPattern = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * An instant as a `datetime-local` input value in Beijing time (`2027-03-19T09:00`), whatever the
 * zone of the server or the browser.
 */
export function toCityDateTimeLocal(at: Date | string): string {
  const date = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(date.getTime())) return '';
  return new Date(date.getTime() + offsetMs).toISOString().slice(0, 16);
}

/**
 * A `datetime-local` value read as Beijing time, as an ISO string with the +08:00 offset for
 * `z.coerce.date()`. Empty stays empty (so the schema reports "required"); anything that is not
 * a local date-time is passed on unchanged for the schema to refuse.
 */
export function fromCityDateTimeLocal(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  const match = localPattern.exec(trimmed);
  if (!match) return trimmed;
  const [, day, hours, minutes, seconds] = match;
  return `${day}T${hours}:${minutes}:${seconds ?? '00'}${cityOffset}`;
}
