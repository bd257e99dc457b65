import { describe, expect, it } from 'vitest';
import { agendaTiming } from './agenda';
import { findConferenceConflicts } from './conference-conflicts';
import { allowedConferenceMoves, attendanceRefusedAt, canMoveConference, conferenceMoveRefusedAt, conferenceStatuses, isConferenceReadOnly } from './conference-status';

describe('conference status moves', () => {
  const expected: Record<string, string[]> = {
    draft: ['scheduled', 'cancelled'],
    scheduled: ['held', 'draft', 'cancelled'],
    held: ['minutes_published'],
    minutes_published: [],
    cancelled: [],
  };
  for (const from of conferenceStatuses) {
    for (const to of conferenceStatuses) {
      const allowed = expected[from]!.includes(to);
      it(`${allowed ? 'allows' : 'refuses'} ${from} → ${to}`, () => {
        expect(canMoveConference(from, to)).toBe(allowed);
      });
    }
  }

  it('lists the moves and marks published and cancelled conferences read-only', () => {
    expect(allowedConferenceMoves('held')).toEqual(['minutes_published']);
    expect(conferenceStatuses.filter(isConferenceReadOnly)).toEqual(['minutes_published', 'cancelled']);
  });
});

describe('a conference is held only once it has started', () => {
  const startsAt = new Date('2036-03-14T09:30:00+08:00');
  const minute = 60_000;

  it('refuses held and minutes_published before the start, to the millisecond', () => {
    const before = new Date(startsAt.getTime() - 1);
    expect(conferenceMoveRefusedAt('held', startsAt, before)).toBe('heldBeforeStart');
    expect(conferenceMoveRefusedAt('minutes_published', startsAt, before)).toBe('heldBeforeStart');
    expect(conferenceMoveRefusedAt('held', startsAt, new Date('2026-12-07T12:00:00Z'))).toBe('heldBeforeStart');
  });

  it('allows them from the start on', () => {
    expect(conferenceMoveRefusedAt('held', startsAt, startsAt)).toBeNull();
    expect(conferenceMoveRefusedAt('held', startsAt, new Date(startsAt.getTime() + minute))).toBeNull();
    expect(conferenceMoveRefusedAt('minutes_published', startsAt, new Date(startsAt.getTime() + 7 * 24 * 60 * minute))).toBeNull();
  });

  it('never holds back the moves that do not say it took place', () => {
    const longBefore = new Date('2020-01-01T00:00:00Z');
    for (const to of ['draft', 'scheduled', 'cancelled'] as const) expect(conferenceMoveRefusedAt(to, startsAt, longBefore)).toBeNull();
  });

  it('refuses attendance before the start and allows it from the start on', () => {
    expect(attendanceRefusedAt(startsAt, new Date(startsAt.getTime() - minute))).toBe('attendanceBeforeStart');
    expect(attendanceRefusedAt(startsAt, startsAt)).toBeNull();
    expect(attendanceRefusedAt(startsAt, new Date(startsAt.getTime() + minute))).toBeNull();
  });
});

describe('agendaTiming', () => {
  const start = new Date('2018-03-16T10:30:00+08:00');
  const end = new Date('2018-03-16T11:40:00+08:00');

  it('starts each item when the previous one ends', () => {
    const timing = agendaTiming(start, end, [{ plannedMinutes: 5 }, { plannedMinutes: 30 }, { plannedMinutes: 25 }]);
    expect(timing.items.map((i) => i.startsAt.toISOString())).toEqual([
      '2018-03-16T02:30:00.000Z',
      '2018-03-16T02:35:00.000Z',
      '2018-03-16T03:05:00.000Z',
    ]);
    expect(timing.totalMinutes).toBe(60);
    expect(timing.overrunMinutes).toBe(0);
  });

  it('reports how far the agenda runs past the planned end', () => {
    expect(agendaTiming(start, end, [{ plannedMinutes: 50 }, { plannedMinutes: 35 }]).overrunMinutes).toBe(15);
    expect(agendaTiming(start, end, []).totalMinutes).toBe(0);
  });
});

describe('findConferenceConflicts', () => {
  const base = {
    id: 1,
    title: 'A',
    startsAt: new Date('2019-03-15T09:00:00+08:00'),
    endsAt: new Date('2019-03-15T11:00:00+08:00'),
    chairPersonId: 7,
    mainVenueName: '市政府第一会议室',
  };

  it('names an overlapping conference with the same chair or the same main venue', () => {
    const others = [
      { ...base, id: 2, title: 'same chair', mainVenueName: '别处', startsAt: new Date('2019-03-15T10:30:00+08:00'), endsAt: new Date('2019-03-15T12:00:00+08:00') },
      { ...base, id: 3, title: 'same hall', chairPersonId: 9, mainVenueName: ' 市政府第一 会议室' },
      { ...base, id: 4, title: 'later', startsAt: new Date('2019-03-15T11:00:00+08:00'), endsAt: new Date('2019-03-15T12:00:00+08:00') },
      { ...base, id: 5, title: 'unrelated', chairPersonId: 9, mainVenueName: '别处' },
      base,
    ];
    expect(findConferenceConflicts(base, others).map((c) => [c.other.title, c.reasons])).toEqual([
      ['same chair', ['chair']],
      ['same hall', ['venue']],
    ]);
  });
});
