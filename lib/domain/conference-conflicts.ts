export interface ScheduledConference {
  id: number;
  title: string;
  startsAt: Date;
  endsAt: Date;
  chairPersonId: number | null;
  mainVenueName: string | null;
}

export interface ConferenceConflict {
  other: Pick<ScheduledConference, 'id' | 'title' | 'startsAt' | 'endsAt'>;
  reasons: ('chair' | 'venue')[];
}

const sameVenue = (a: string | null, b: string | null) =>
  !!a && !!b && a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase();

/**
 * Conferences that overlap in time with the same chair or the same main venue. A warning,
 * not a refusal: an office may knowingly hold two sessions back to back in one hall.
 */
export function findConferenceConflicts(subject: ScheduledConference, others: readonly ScheduledConference[]): ConferenceConflict[] {
  const conflicts: ConferenceConflict[] = [];
  for (const other of others) {
    if (other.id === subject.id) continue;
    const overlaps = subject.startsAt < other.endsAt && other.startsAt < subject.endsAt;
    if (!overlaps) continue;
    const reasons: ConferenceConflict['reasons'] = [];
    if (subject.chairPersonId !== null && subject.chairPersonId === other.chairPersonId) reasons.push('chair');
    if (sameVenue(subject.mainVenueName, other.mainVenueName)) reasons.push('venue');
    if (reasons.length) conflicts.push({ other: { id: other.id, title: other.title, startsAt: other.startsAt, endsAt: other.endsAt }, reasons });
  }
  return conflicts;
}
