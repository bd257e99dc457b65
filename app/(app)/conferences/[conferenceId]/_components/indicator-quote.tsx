import Link from 'next/link';
import { ChartColumn } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { formatYearMonth, yearSpan } from '@/app/(app)/indicators/_components/format';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/app/_components/ui/card';
import type { Actor } from '@/lib/auth/actor';
import { indicatorQuote } from '@/lib/data/safety-indicators';
import { monthParam } from '@/lib/domain/indicators';
import type { Locale } from '@/lib/i18n/config';
import { formatPercent } from '@/lib/i18n/format';

/**
 * The figures the conference's work report quotes: the whole city as of the conference's month
 * (what is recorded up to and including it), the last complete year against the first recorded
 * year, and the months without a major accident. Nothing when no figures are recorded.
 */
export async function IndicatorQuote({ actor, startsAt, locale }: { actor: Actor; startsAt: Date; locale: Locale }) {
  const quote = await indicatorQuote(actor, startsAt);
  if (!quote || quote.compareYear === null) return null;
  const t = await getTranslations('indicators.quote');
  const tMeasures = await getTranslations('indicators.measures');
  const asOf = formatYearMonth(quote.asOf, locale);
  const compare = yearSpan(quote.compareYear, quote.comparedMonths, locale);
  const baseline = yearSpan(quote.baselineYear, quote.comparedMonths, locale);
  const percent = (ratio: number | null) => (ratio === null ? '—' : formatPercent(ratio, locale, { signed: true }));
  const movement = (ratio: number | null) =>
    ratio === null || ratio === 0
      ? t('unchanged')
      : t(ratio < 0 ? 'fell' : 'rose', { percent: formatPercent(Math.abs(ratio), locale) });
  const months = quote.withoutMajorAccident.months;
  const href = `/indicators?asOf=${monthParam(quote.asOf)}&baseline=${quote.baselineYear}&compare=${quote.compareYear}`;

  return (
    <section aria-labelledby="conference-indicator-quote">
      <Card>
        <CardHeader>
          <CardTitle level={3} id="conference-indicator-quote">
            {t('title')}
          </CardTitle>
          <CardDescription>{t('basis', { asOf })}</CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          <blockquote className="border-l-4 border-accent pl-4 text-ink">
            {t('sentence', { compare, baseline, accidents: movement(quote.change.accidents), deaths: movement(quote.change.deaths), asOf, months })}
          </blockquote>
          <dl className="grid gap-3 sm:grid-cols-3">
            {(['accidents', 'deaths'] as const).map((m) => (
              <div key={m}>
                <dt className="text-sm text-ink-muted">{t('changeOf', { measure: tMeasures(m), compare, baseline })}</dt>
                <dd className="text-2xl font-semibold tabular-nums text-ink">{percent(quote.change[m])}</dd>
              </div>
            ))}
            <div>
              <dt className="text-sm text-ink-muted">{t('withoutMajor', { asOf })}</dt>
              <dd className="text-2xl font-semibold tabular-nums text-ink">{t('months', { count: months })}</dd>
            </div>
          </dl>
          <p className="text-sm print:hidden">
            <Link href={href} className="inline-flex items-center gap-1 font-medium text-accent underline-offset-2 hover:underline">
              <ChartColumn className="size-4" aria-hidden="true" />
              {t('link')}
            </Link>
          </p>
        </CardContent>
      </Card>
    </section>
  );
}
