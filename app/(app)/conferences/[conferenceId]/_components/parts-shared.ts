import { CircleCheck, CircleDashed, CircleMinus, CircleX, type LucideIcon } from 'lucide-react';
import type { BadgeTone } from '@/app/_components/ui/badge';
import { appTimeZone } from '@/lib/i18n/format';

/** The value of the speaker form's person picker that asks for a new person instead. */
export const NEW_PERSON = 'new';

/** Ids of the sections' headings: where focus goes when the row that had it is removed. */
export const sectionHeadingIds = {
  venues: 'conference-venues-heading',
  invitations: 'conference-invitations-heading',
  speakers: 'conference-speakers-heading',
  agenda: 'conference-agenda-heading',
} as const;

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: appTimeZone });

/** `14:30` in the committee's time (Beijing), whatever the server's or browser's zone. */
export function formatTime(value: Date | string): string {
  return timeFormat.format(value instanceof Date ? value : new Date(value));
}

/**
 * A key for a form's fields that changes with every result worth showing: after a failure the
 * fields mount again with what was typed, after a success empty (or with what is saved now).
 * A select's default cannot change after it mounts, so remounting is what shows the values.
 */
export function fieldsKey(state: { ok: boolean; data?: unknown; values?: Record<string, string> } | null, saved = ''): string {
  if (!state) return `initial:${saved}`;
  // A success's data (the new record's id) tells two successes apart.
  return state.ok ? `saved:${saved}:${JSON.stringify(state.data ?? null)}` : `failed:${saved}:${JSON.stringify(state.values ?? {})}`;
}

export const attendanceStates = ['present', 'absent', 'excused', 'unknown'] as const;
export type Attendance = (typeof attendanceStates)[number];

/** Each attendance state has its word (from messages) and its shape, so colour is never the only signal. */
export const attendanceLook: Record<Attendance, { tone: BadgeTone; icon: LucideIcon }> = {
  present: { tone: 'success', icon: CircleCheck },
  absent: { tone: 'danger', icon: CircleX },
  excused: { tone: 'warning', icon: CircleMinus },
  unknown: { tone: 'neutral', icon: CircleDashed },
};
