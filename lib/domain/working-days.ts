/** Adds working days (Monday–Friday) to a calendar date, YYYY-MM-DD. Public holidays are not known here. */
export function addWorkingDays(date: string, count: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  let left = count;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) left--;
  }
  return d.toISOString().slice(0, 10);
}
