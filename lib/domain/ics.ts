import { type EventAttributes, createEvents } from 'ics';
import type { ConferenceStatus } from './conference-status';

/** Beijing time: the committee's clock, whatever the server's zone. */
const timeZone = 'Asia/Shanghai';
const productId = '-//Docket//Safety committee conferences//EN';

export interface ConferenceEventInput {
  id: number;
  title: string;
  startsAt: Date;
  endsAt: Date;
  status: ConferenceStatus;
  /** Raised on every edit: calendars replace an event when its SEQUENCE goes up. */
  version: number;
  updatedAt?: Date | null;
  location?: string | null;
  description?: string | null;
  url?: string | null;
}

/** Stable across edits and exports, so a re-imported or re-fetched event updates the one already there. */
export function conferenceUid(id: number): string {
  return `conference-${id}@docket`;
}

const eventStatus: Record<ConferenceStatus, EventAttributes['status']> = {
  draft: 'TENTATIVE',
  scheduled: 'CONFIRMED',
  held: 'CONFIRMED',
  minutes_published: 'CONFIRMED',
  cancelled: 'CANCELLED',
};

/** One conference as a calendar event, its times in UTC. */
export function conferenceEvent(input: ConferenceEventInput): EventAttributes {
  return {
    uid: conferenceUid(input.id),
    title: input.title,
    start: input.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: input.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    status: eventStatus[input.status],
    sequence: input.version,
    busyStatus: input.status === 'cancelled' ? 'FREE' : 'BUSY',
    transp: input.status === 'cancelled' ? 'TRANSPARENT' : 'OPAQUE',
    ...(input.location ? { location: input.location } : {}),
    ...(input.description ? { description: input.description } : {}),
    ...(input.url ? { url: input.url } : {}),
    ...(input.updatedAt ? { lastModified: input.updatedAt.getTime() } : {}),
  };
}

/** A venue as one line: `市政府第一会议室（人民广场1号）` in Chinese, `City Hall, 1 People's Square` in English. */
export function venueLocation(venue: { name: string; address?: string | null } | null | undefined, locale: string): string | null {
  if (!venue) return null;
  if (!venue.address) return venue.name;
  return locale === 'en' ? `${venue.name}, ${venue.address}` : `${venue.name}（${venue.address}）`;
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });

/** `09:05`, Beijing time. */
export function clockTime(date: Date): string {
  return timeFormat.format(date);
}

/**
 * The calendar file. The `ics` package folds long lines by characters; RFC 5545 counts
 * octets, and a line of Chinese text is three octets a character, so the lines are folded again.
 */
export function icsCalendar(events: EventAttributes[], options: { name?: string } = {}): string {
  const { error, value } = createEvents(events, { productId, method: 'PUBLISH', ...(options.name ? { calName: options.name } : {}) });
  if (error || value === null) throw error ?? new Error('ics: no output');
  return foldIcsLines(value);
}

/** The logical lines of an ICS text: continuation lines (starting with a space or tab) joined back. */
export function unfoldIcs(text: string): string[] {
  return text
    .replace(/\r?\n[ \t]/g, '')
    .split(/\r?\n/)
    .filter((line) => line !== '');
}

const encoder = new TextEncoder();

/** Folds every line to at most 75 octets, never inside a character, continuation lines starting with a space. */
export function foldIcsLines(text: string): string {
  const out: string[] = [];
  for (const line of unfoldIcs(text)) {
    let current = '';
    let octets = 0;
    let limit = 75;
    for (const ch of line) {
      const size = encoder.encode(ch).length;
      if (octets + size > limit) {
        out.push(current);
        current = ' ';
        octets = 1;
        limit = 75;
      }
      current += ch;
      octets += size;
    }
    out.push(current);
  }
  return `${out.join('\r\n')}\r\n`;
}
