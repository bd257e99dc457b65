import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/app/_components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { type ActionProgress, type ConferenceProgress, progressActionLimit, progressConferenceLimit } from '@/lib/data/dashboard';
import type { Locale } from '@/lib/i18n/config';
import { formatDate, formatNumber, formatPercent } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';

type ConferenceProgressListProps = {
  conferences: ConferenceProgress[];
  more: boolean;
  periodName: string;
  /** A department head's view: their own department's actions and tasks. */
  ownOnly: boolean;
  locale: Locale;
};

/** Each requested action of the period's conferences: who leads and supports it, and a bar of its progress. */
export async function ConferenceProgressList({ conferences, more, periodName, ownOnly, locale }: ConferenceProgressListProps) {
  const t = await getTranslations('dashboard.progress');
  const n = (value: number) => formatNumber(value, locale);
  const names = (zh: string[], en: string[]) => (locale === 'en' ? en.join(', ') : zh.join('、'));

  const supportText = (a: ActionProgress) => {
    if (a.supportCount === 0) return t('none');
    const shown = names(a.supportNames, a.supportNamesEn);
    return a.supportCount > a.supportNames.length ? t('supportMore', { names: shown, total: a.supportCount }) : shown;
  };

  return (
    <section aria-labelledby="dashboard-progress" className="mb-8">
      <h2 id="dashboard-progress" className="text-base font-semibold text-ink">
        {t('title')}
      </h2>
      <p className="mb-3 max-w-3xl text-sm text-ink-muted">
        {ownOnly ? t('descriptionOwn', { period: periodName }) : t('description', { period: periodName, limit: progressConferenceLimit })}
      </p>
      {conferences[0]?.beforePeriod ? <p className="mb-3 text-sm text-ink">{t('beforePeriod', { period: periodName })}</p> : null}
      {more ? <p className="mb-3 text-sm text-ink">{t('more', { limit: progressConferenceLimit })}</p> : null}
      {conferences.length === 0 ? (
        <div className="rounded-lg border border-border bg-surface px-4 py-3 text-sm text-ink-muted">
          <p>{t('empty')}</p>
          <Link href="/conferences" className="mt-2 inline-block font-medium text-accent underline underline-offset-2">
            {t('emptyAction')}
          </Link>
        </div>
      ) : (
        <div className="space-y-4">
          {conferences.map((c) => {
            const title = localizedName({ name: c.title, nameEn: c.titleEn }, locale);
            const headingId = `progress-conference-${c.id}`;
            return (
              <Card key={c.id} role="region" aria-labelledby={headingId}>
                <CardHeader className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <CardTitle level={3} id={headingId}>
                      {title}
                    </CardTitle>
                    <CardDescription>
                      {t('heldOn', { date: formatDate(c.startsAt, locale) })} ·{' '}
                      {t('summary', { actions: c.actionCount, total: c.total, completed: n(c.completed), overdue: n(c.overdue) })}
                    </CardDescription>
                  </div>
                  <Link href={`/conferences/${c.id}`} className="text-sm font-medium text-accent underline underline-offset-2 print:hidden">
                    {t('openConference')}
                  </Link>
                </CardHeader>
                <CardContent className="py-1">
                  <ol className="divide-y divide-border">
                    {c.actions.map((a) => (
                      <li key={a.actionId} className="py-3">
                        <p className="text-sm text-ink">
                          <span className="mr-2 whitespace-nowrap font-medium text-accent">{a.number}</span>
                          {localizedName({ name: a.title, nameEn: a.titleEn }, locale)}
                        </p>
                        <p className="mt-0.5 flex flex-wrap gap-x-4 text-xs text-ink-muted">
                          <span>{t('lead', { names: a.leadCount ? names(a.leadNames, a.leadNamesEn) : t('none') })}</span>
                          <span>{t('support', { names: supportText(a) })}</span>
                        </p>
                        <div className="mt-1.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
                          <div
                            role="progressbar"
                            aria-label={t('barLabel', { number: a.number })}
                            aria-valuemin={0}
                            aria-valuemax={100}
                            aria-valuenow={Math.round(a.meanProgress)}
                            aria-valuetext={formatPercent(a.meanProgress / 100, locale, { maximumFractionDigits: 0 })}
                            className="h-2.5 w-40 overflow-hidden rounded-full border border-border-strong bg-canvas sm:w-56"
                          >
                            <div className="h-full bg-accent" style={{ width: `${Math.min(100, Math.max(0, a.meanProgress))}%` }} />
                          </div>
                          <span className="tabular-nums text-ink">
                            {t('meanProgress')} {formatPercent(a.meanProgress / 100, locale, { maximumFractionDigits: 0 })}
                          </span>
                          <span className="tabular-nums text-ink-muted">{t('completed', { completed: n(a.completed), total: n(a.total) })}</span>
                          {a.overdue > 0 ? <Badge tone="danger">{t('overdue', { count: a.overdue })}</Badge> : null}
                        </div>
                      </li>
                    ))}
                  </ol>
                  {c.actionCount > c.actions.length ? (
                    <p className="border-t border-border py-2.5 text-sm text-ink-muted">{t('moreActions', { count: c.actionCount - c.actions.length, limit: progressActionLimit })}</p>
                  ) : null}
                </CardContent>
              </Card>
            );
          })}
        </div>
      )}
    </section>
  );
}
