export const conferenceStatuses = ['draft', 'scheduled', 'held', 'minutes_published', 'cancelled'] as const;
export type ConferenceStatus = (typeof conferenceStatuses)[number];

/** The moves a conference may make; anything else is refused. */
const moves: Record<ConferenceStatus, readonly ConferenceStatus[]> = {
  draft: ['scheduled', 'cancelled'],
  // Issuing the notice schedules it; withdrawing the notice returns it to draft.
  scheduled: ['held', 'draft', 'cancelled'],
  held: ['minutes_published'],
  minutes_published: [],
  cancelled: [],
};

export function allowedConferenceMoves(from: ConferenceStatus): readonly ConferenceStatus[] {
  return moves[from];
}

export function canMoveConference(from: ConferenceStatus, to: ConferenceStatus): boolean {
  return moves[from].includes(to);
}

/** Published minutes and cancelled conferences are kept as they are; corrections are audited. */
export function isConferenceReadOnly(status: ConferenceStatus): boolean {
  return status === 'minutes_published' || status === 'cancelled';
}

/** The statuses that say the conference has taken place: they cannot be reached before it starts. */
const afterStart: readonly ConferenceStatus[] = ['held', 'minutes_published'];

/**
 * Why a move that the status allows is still refused at `now`, as a message key under `errors.`,
 * or null when it may go ahead: a conference is held (and its minutes published) only once it has
 * started, at its scheduled date and time.
 */
export function conferenceMoveRefusedAt(to: ConferenceStatus, startsAt: Date, now: Date): 'heldBeforeStart' | null {
  return afterStart.includes(to) && now.getTime() < startsAt.getTime() ? 'heldBeforeStart' : null;
}

/** Attendance is recorded once the conference has started, not ahead of it. */
export function attendanceRefusedAt(startsAt: Date, now: Date): 'attendanceBeforeStart' | null {
  return now.getTime() < startsAt.getTime() ? 'attendanceBeforeStart' : null;
}
