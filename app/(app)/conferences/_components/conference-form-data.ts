import { textOf } from '@/lib/actions/form-state';
import type { ConferenceConflict } from '@/lib/domain/conference-conflicts';
import { quarterOfDate } from '@/lib/domain/quarters';
import { fromCityDateTimeLocal, toCityDateTimeLocal } from '@/lib/i18n/datetime-local';

/** The conference fields of a form submission, as createConferenceSchema reads them. */
export function conferenceFieldsOf(formData: FormData) {
  const kind = textOf(formData, 'kind');
  // The inputs are datetime-local: Beijing wall-clock time without a zone.
  const startsAt = fromCityDateTimeLocal(textOf(formData, 'startsAt'));
  const year = textOf(formData, 'year')?.trim();
  return {
    title: textOf(formData, 'title'),
    titleEn: textOf(formData, 'titleEn'),
    kind,
    // A special conference left without a year belongs to the year it is held in.
    year: !year && kind === 'special' ? yearOf(startsAt) : year,
    quarter: textOf(formData, 'quarter'),
    startsAt,
    endsAt: fromCityDateTimeLocal(textOf(formData, 'endsAt')),
    format: textOf(formData, 'format'),
    convenedBy: textOf(formData, 'convenedBy'),
    chairPersonId: textOf(formData, 'chairPersonId'),
    relaysTitle: textOf(formData, 'relaysTitle'),
    relaysLevel: textOf(formData, 'relaysLevel'),
    relaysDate: textOf(formData, 'relaysDate'),
    noticeText: textOf(formData, 'noticeText'),
    allowSelfSignIn: formData.get('allowSelfSignIn') === 'on',
  };
}

function yearOf(startsAt: string | undefined): string | undefined {
  const at = startsAt ? new Date(startsAt) : undefined;
  return at && !Number.isNaN(at.getTime()) ? String(quarterOfDate(at).year) : undefined;
}

/** An overlap warning as the browser receives it. */
export type OverlapWarning = { id: number; title: string; startsAt: string; endsAt: string; reasons: ConferenceConflict['reasons'] };

export function overlapWarnings(conflicts: readonly ConferenceConflict[]): OverlapWarning[] {
  return conflicts.map(({ other, reasons }) => ({
    id: other.id,
    title: other.title,
    startsAt: other.startsAt.toISOString(),
    endsAt: other.endsAt.toISOString(),
    reasons,
  }));
}

/** The conference columns the form shows. */
export type ConferenceFormRow = {
  title: string;
  titleEn: string | null;
  kind: string;
  year: number;
  quarter: number | null;
  startsAt: Date;
  endsAt: Date;
  format: string;
  convenedBy: string | null;
  chairPersonId: number | null;
  relaysTitle: string | null;
  relaysLevel: string | null;
  relaysDate: string | null;
  noticeText: string | null;
  allowSelfSignIn: boolean;
  status: string;
};

/** A saved conference as the form's field values. */
export function conferenceFormValues(c: ConferenceFormRow): Record<string, string> {
  return {
    title: c.title,
    titleEn: c.titleEn ?? '',
    kind: c.kind,
    year: String(c.year),
    quarter: c.quarter ? String(c.quarter) : '',
    startsAt: toCityDateTimeLocal(c.startsAt),
    endsAt: toCityDateTimeLocal(c.endsAt),
    format: c.format,
    convenedBy: c.convenedBy ?? '',
    chairPersonId: c.chairPersonId ? String(c.chairPersonId) : '',
    relaysTitle: c.relaysTitle ?? '',
    relaysLevel: c.relaysLevel ?? '',
    relaysDate: c.relaysDate ?? '',
    noticeText: c.noticeText ?? '',
    allowSelfSignIn: c.allowSelfSignIn ? 'on' : '',
  };
}

/**
 * What the editor loaded, sent back with the form: on a stale save, the fields whose saved value
 * differs from it are the ones someone else changed (the editor's own changes are not).
 */
export function conferenceSnapshot(c: ConferenceFormRow): string {
  return JSON.stringify({ ...conferenceFormValues(c), status: c.status });
}

/** The fields someone else changed since the snapshot; undefined when the snapshot is unusable. */
export function changedSinceSnapshot(snapshot: string | undefined, current: ConferenceFormRow): string[] | undefined {
  if (!snapshot) return undefined;
  let loaded: unknown;
  try {
    loaded = JSON.parse(snapshot);
  } catch {
    return undefined;
  }
  if (!loaded || typeof loaded !== 'object') return undefined;
  const before = loaded as Record<string, unknown>;
  const now: Record<string, string> = { ...conferenceFormValues(current), status: current.status };
  return Object.keys(now).filter((field) => (typeof before[field] === 'string' ? before[field] : '') !== now[field]);
}
