export interface AgendaInput {
  plannedMinutes: number;
}

export interface AgendaTiming {
  /** Start and end of each item, in order. */
  items: { startsAt: Date; endsAt: Date }[];
  totalMinutes: number;
  /** Minutes past the conference's planned end; 0 when it fits. */
  overrunMinutes: number;
}

/** Each item starts when the one before it ends, from the conference's start. */
export function agendaTiming(startsAt: Date, endsAt: Date, items: readonly AgendaInput[]): AgendaTiming {
  let cursor = startsAt.getTime();
  const timed = items.map((item) => {
    const start = cursor;
    cursor += Math.max(0, item.plannedMinutes) * 60_000;
    return { startsAt: new Date(start), endsAt: new Date(cursor) };
  });
  const totalMinutes = (cursor - startsAt.getTime()) / 60_000;
  const overrunMinutes = Math.max(0, Math.ceil((cursor - endsAt.getTime()) / 60_000));
  return { items: timed, totalMinutes, overrunMinutes };
}
