import { textOf } from '@/lib/actions/form-state';
import type { ConferenceConflict } from '@/lib/domain/conference-conflicts';
import { quarterOfDate } from '@/lib/domain/quarters';
import { fromCityDateTimeLocal, toCityDateTimeLocal } from '@/lib/i18n/datetime-local';

/**
 * The conference fields of a form submission, as createConferenceSchema reads them. The edit form
 * also sends what it loaded, as the same fields under `loaded.` (prefix).
 */
export function conferenceFieldsOf(formData: FormData, prefix = '') {
  const text = (name: string) => textOf(formData, `${prefix}${name}`);
  const kind = text('kind');
  // The inputs are datetime-local: Beijing wall-clock time without a zone.
  const startsAt = fromCityDateTimeLocal(text('startsAt'));
  const year = text('year')?.trim();
  return {
    title: text('title'),
    titleEn: text('titleEn'),
    kind,
    // A special conference left without a year belongs to the year it is held in.
    year: !year && kind === 'special' ? yearOf(startsAt) : year,
    quarter: text('quarter'),
    startsAt,
    endsAt: fromCityDateTimeLocal(text('endsAt')),
    format: text('format'),
    convenedBy: text('convenedBy'),
    chairPersonId: text('chairPersonId'),
    relaysTitle: text('relaysTitle'),
    relaysLevel: text('relaysLevel'),
    relaysDate: text('relaysDate'),
    noticeText: text('noticeText'),
    allowSelfSignIn: formData.get(`${prefix}allowSelfSignIn`) === 'on',
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
