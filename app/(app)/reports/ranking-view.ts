import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { scorecardRanking } from '@/lib/data/scorecards';
import { sortByFigure } from '@/lib/domain/scoring';
import { parseListQuery } from '@/lib/validation/list-query';
import { reportPeriod } from '@/lib/data/report-period';
import { rankingQuery } from '@/lib/validation/scoring';

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

/**
 * The ranking as the page and its CSV show it: the URL's period (or the default of reportPeriod,
 * or the current quarter and the message why when the URL's was refused), the actor's rows narrowed by kind and name and sorted by the chosen column.
 *
 * The ranking is one row per department (a few hundred at most) and the rank itself needs every
 * department's score, so the rows are searched and sorted here, after scorecardRanking has computed
 * and ranked them from SQL aggregates; a rank stays the rank among all departments whatever is shown.
 */
export async function rankingView(actor: Actor, params: Params, now: Date = new Date()) {
  const { period, param, error, fellBackFrom } = await reportPeriod(actor, params, now);
  const query = parseListQuery(rankingQuery, params);
  const { rows, ranked, weights, weightsSavedAt } = await scorecardRanking(actor, period, now);
  const q = query.q?.toLocaleLowerCase();
  const shown = rows.filter(
    (r) => (!query.kind || r.kind === query.kind) && (!q || [r.name, r.nameEn].some((name) => name?.toLocaleLowerCase().includes(q))),
  );
  const sort = query.sort;
  const sorted = sortByFigure(shown, (r) => (sort === 'rank' ? r.rank : r[sort]), query.dir);
  return { period, param, error, fellBackFrom, query, rows: sorted, ranked, weights, weightsSavedAt };
}
