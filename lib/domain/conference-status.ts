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
