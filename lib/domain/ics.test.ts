import { describe, expect, it } from 'vitest';
import { clockTime, conferenceEvent, conferenceUid, foldIcsLines, icsCalendar, unfoldIcs, venueLocation } from './ics';

const base = {
  id: 42,
  title: '2018年第一季度安全生产委员会全体会议',
  startsAt: new Date('2018-03-15T09:00:00+08:00'),
  endsAt: new Date('2018-03-15T11:30:00+08:00'),
  status: 'scheduled' as const,
  version: 3,
};

/** Property name (without parameters) → value, for the first VEVENT. */
function eventProperties(text: string): Map<string, string> {
  const lines = unfoldIcs(text);
  const start = lines.indexOf('BEGIN:VEVENT');
  const end = lines.indexOf('END:VEVENT');
  const props = new Map<string, string>();
  for (const line of lines.slice(start + 1, end)) {
    const colon = line.indexOf(':');
    props.set(line.slice(0, colon).split(';')[0]!, line.slice(colon + 1));
  }
  return props;
}

describe('conferenceEvent + icsCalendar', () => {
  it('writes the title, UTC times, location, UID, sequence and status', () => {
    const text = icsCalendar([
      conferenceEvent({
        ...base,
        location: venueLocation({ name: '市政府第一会议室', address: '人民广场1号' }, 'zh-CN'),
        description: '会议形式：视频电话会议\n议程：\n09:00 主持开会, 宣布开始; 第一项',
        url: 'https://docket.example.gov.cn/conferences/42',
        updatedAt: new Date('2018-03-01T02:03:04Z'),
      }),
    ]);
    const props = eventProperties(text);
    expect(props.get('DTSTART')).toBe('20180315T010000Z');
    expect(props.get('DTEND')).toBe('20180315T033000Z');
    expect(props.get('SUMMARY')).toBe('2018年第一季度安全生产委员会全体会议');
    expect(props.get('LOCATION')).toBe('市政府第一会议室（人民广场1号）');
    expect(props.get('UID')).toBe('conference-42@docket');
    expect(props.get('SEQUENCE')).toBe('3');
    expect(props.get('STATUS')).toBe('CONFIRMED');
    expect(props.get('DESCRIPTION')).toBe('会议形式：视频电话会议\\n议程：\\n09:00 主持开会\\, 宣布开始\\; 第一项');
    expect(props.get('URL')).toBe('https://docket.example.gov.cn/conferences/42');
    expect(props.get('LAST-MODIFIED')).toBe('20180301T020304Z');
    expect(props.get('DTSTAMP')).toMatch(/^\d{8}T\d{6}Z$/);
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('marks a cancelled conference CANCELLED and free, a draft TENTATIVE', () => {
    expect(eventProperties(icsCalendar([conferenceEvent({ ...base, status: 'cancelled' })])).get('STATUS')).toBe('CANCELLED');
    expect(conferenceEvent({ ...base, status: 'cancelled' })).toMatchObject({ busyStatus: 'FREE', transp: 'TRANSPARENT' });
    expect(eventProperties(icsCalendar([conferenceEvent({ ...base, status: 'draft' })])).get('STATUS')).toBe('TENTATIVE');
  });

  it('leaves out what is not there', () => {
    const props = eventProperties(icsCalendar([conferenceEvent(base)]));
    expect(props.has('LOCATION')).toBe(false);
    expect(props.has('DESCRIPTION')).toBe(false);
    expect(props.has('URL')).toBe(false);
  });

  it('puts several conferences in one calendar, with its name', () => {
    const text = icsCalendar([conferenceEvent(base), conferenceEvent({ ...base, id: 43 })], { name: '安委会会议' });
    const lines = unfoldIcs(text);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines).toContain('UID:conference-43@docket');
    expect(lines).toContain('X-WR-CALNAME:安委会会议');
    expect(lines).toContain('METHOD:PUBLISH');
  });

  it('writes an empty calendar when there is nothing to show', () => {
    const lines = unfoldIcs(icsCalendar([], { name: 'x' }));
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).not.toContain('BEGIN:VEVENT');
  });
});

describe('foldIcsLines', () => {
  it('keeps every physical line within 75 octets without splitting a character, and unfolds back', () => {
    const long = `SUMMARY:${'安全生产委员会全体会议'.repeat(12)}`;
    const folded = foldIcsLines(`BEGIN:VCALENDAR\r\n${long}\r\nEND:VCALENDAR\r\n`);
    const physical = folded.split('\r\n').filter(Boolean);
    for (const line of physical) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(physical.slice(2, -1).every((l) => l.startsWith(' '))).toBe(true);
    expect(unfoldIcs(folded)).toEqual(['BEGIN:VCALENDAR', long, 'END:VCALENDAR']);
  });

  it('leaves short lines alone', () => {
    expect(foldIcsLines('A:1\r\nB:2\r\n')).toBe('A:1\r\nB:2\r\n');
  });
});

describe('helpers', () => {
  it('names a venue with its address in each language', () => {
    expect(venueLocation({ name: 'City Hall', address: "1 People's Square" }, 'en')).toBe("City Hall, 1 People's Square");
    expect(venueLocation({ name: '市政府第一会议室', address: null }, 'zh-CN')).toBe('市政府第一会议室');
    expect(venueLocation(null, 'zh-CN')).toBeNull();
  });

  it('shows the time of day on the Beijing clock and keeps the UID stable', () => {
    expect(clockTime(new Date('2018-03-15T01:05:00Z'))).toBe('09:05');
    expect(conferenceUid(7)).toBe('conference-7@docket');
  });
});
