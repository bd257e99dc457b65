import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import { tasks } from '@/db/schema';
import type { LightSettings, TrafficLight } from '@/lib/domain/task-light';
import { lightSettings } from './light-settings';
import { type TaskStatus, openTaskStatuses, taskStatuses, workingTaskStatuses } from '@/lib/domain/task-state';

/** The day a task was assigned, in the city's calendar. */
const assignedDate = sql`(${tasks.assignedAt} AT TIME ZONE 'Asia/Shanghai')::date`;

/**
 * `status IN (...)` with the statuses written into the SQL text rather than bound, so the planner
 * can match the partial indexes on open tasks even in a generic (prepared) plan. Only known
 * statuses are ever written.
 */
export function statusInSql(statuses: readonly TaskStatus[]): SQL {
  const known = taskStatuses.filter((s) => statuses.includes(s));
  return known.length ? sql`${tasks.status} IN (${sql.raw(known.map((s) => `'${s}'`).join(', '))})` : sql`false`;
}

/** lib/domain/task-light.ts `isOverdue`, in SQL (indexable: status + due date). */
export function overdueSql(today: string): SQL {
  return sql`(${statusInSql(workingTaskStatuses)} AND ${tasks.dueDate} < ${today}::date)`;
}

/**
 * A task that weighs in the figures and the ranking (lib/domain/scoring.ts): completed, or past its
 * due date on `today`. The rest are not due yet (未到期).
 */
export function dueOrDoneSql(today: string): SQL {
  return sql`(${tasks.status} = 'completed' OR ${tasks.dueDate} < ${today}::date)`;
}

/** lib/domain/task-light.ts `trafficLight`, in SQL; a test keeps the two equal. */
export function trafficLightSql(today: string, settings: LightSettings = lightSettings()): SQL<'green' | 'yellow' | 'red' | null> {
  const day = sql`${today}::date`;
  return sql<'green' | 'yellow' | 'red' | null>`CASE
    WHEN ${tasks.status} IN ('completed', 'cancelled') THEN NULL
    WHEN ${tasks.status} = 'submitted' THEN 'green'
    WHEN ${tasks.dueDate} < ${day} THEN 'red'
    WHEN ${tasks.status} = 'assigned' AND ${tasks.acknowledgeBy} IS NOT NULL AND ${tasks.acknowledgeBy} < ${day} THEN 'red'
    WHEN ${tasks.dueDate} - ${day} <= ${settings.dueSoonDays}::int THEN 'yellow'
    WHEN ${tasks.dueDate} - ${assignedDate} > 0
      AND 100.0 * GREATEST(0, ${day} - ${assignedDate}) / (${tasks.dueDate} - ${assignedDate}) - ${tasks.progress} > ${settings.lagMarginPercent}::numeric
      THEN 'yellow'
    ELSE 'green' END`;
}

/**
 * `trafficLightSql(today) IN (lights)`, stated so that an index can serve it: each light is
 * limited to the statuses that can have it (red and yellow: working; green: open), which the
 * partial indexes on open tasks cover, and red is spelled out as overdue or not acknowledged in time.
 */
export function lightFilterSql(lights: readonly TrafficLight[], today: string, settings: LightSettings = lightSettings()): SQL {
  const light = trafficLightSql(today, settings);
  const notAcknowledged = sql`(${tasks.status} = 'assigned' AND ${tasks.acknowledgeBy} < ${today}::date)`;
  const parts = [...new Set(lights)].map((l) =>
    l === 'red'
      ? sql`(${statusInSql(workingTaskStatuses)} AND (${tasks.dueDate} < ${today}::date OR ${notAcknowledged}))`
      : sql`(${statusInSql(l === 'green' ? openTaskStatuses : workingTaskStatuses)} AND ${light} = ${l})`,
  );
  return parts.length ? sql`(${sql.join(parts, sql` OR `)})` : sql`false`;
}
