import 'server-only';
import { type LightSettings, defaultLightSettings } from '@/lib/domain/task-light';
import { env } from '@/lib/env';

/**
 * This installation's traffic-light thresholds (DUE_SOON_DAYS, LAG_MARGIN_PERCENT). The task
 * table, the task page, My department and the due-soon reminders all use these, so they agree.
 */
export function lightSettings(): LightSettings {
  const e = env();
  return {
    dueSoonDays: e.DUE_SOON_DAYS ?? defaultLightSettings.dueSoonDays,
    lagMarginPercent: e.LAG_MARGIN_PERCENT ?? defaultLightSettings.lagMarginPercent,
  };
}
