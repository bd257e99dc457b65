import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/config';
import { formatDateTime, formatNumber } from '@/lib/i18n/format';
import { type ScoreWeights, scoreWeightKeys } from '@/lib/domain/scoring';

type Props = {
  weights: ScoreWeights;
  /** When the weights were last saved; null while the defaults apply. */
  updatedAt: Date | null;
  locale: Locale;
  /** Admins get a link to change the weights. */
  canManage: boolean;
};

const rules = ['cohort', 'due', 'onTimeRate', 'completionRate', 'attendanceRate', 'penalties', 'missing', 'range', 'ties'] as const;

/** How the score is computed, with the weights in force: closed by default, printed open. */
export async function ScoringFormula({ weights, updatedAt, locale, canManage }: Props) {
  const t = await getTranslations('ranking.formula');
  const values = Object.fromEntries(scoreWeightKeys.map((key) => [key, formatNumber(weights[key], locale)]));
  return (
    <details className="mb-4 rounded-lg border border-border bg-surface px-4 py-3 text-sm print:block">
      <summary className="cursor-pointer font-medium text-ink">{t('summary')}</summary>
      <div className="mt-3 space-y-3">
        <p className="rounded-md bg-canvas px-3 py-2 leading-relaxed text-ink">
          {t('expression', values)}
        </p>
        <ul className="list-disc space-y-1 pl-5 text-ink-muted">
          {rules.map((rule) => (
            <li key={rule}>{t(`rules.${rule}`)}</li>
          ))}
        </ul>
        <p className="text-ink-muted">
          {updatedAt ? t('updated', { at: formatDateTime(updatedAt, locale) }) : t('defaults')}{' '}
          {canManage ? (
            <Link href="/admin/ranking" className="text-accent underline underline-offset-2 print:hidden">
              {t('change')}
            </Link>
          ) : null}
        </p>
      </div>
    </details>
  );
}
