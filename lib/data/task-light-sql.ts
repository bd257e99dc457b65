import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import { tasks } from '@/db/schema';
import { type LightSettings, defaultLightSettings } from '@/lib/domain/task-light';

/** The day a task was assigned, in the city's calendar. */
const assignedDate = sql`(${tasks.assignedAt} AT TIME ZONE 'Asia/Shanghai')::date`;

/** lib/domain/task-light.ts `isOverdue`, in SQL (indexable: status + due date). */
export function overdueSql(today: string): SQL {
  return sql`(${tasks.status} IN ('assigned', 'acknowledged', 'in_progress') AND ${tasks.dueDate} < ${today}::date)`;
}

/** lib/domain/task-light.ts `trafficLight`, in SQL; a test keeps the two equal. */
export function trafficLightSql(today: string, settings: LightSettings = defaultLightSettings): SQL<'green' | 'yellow' | 'red' | null> {
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
