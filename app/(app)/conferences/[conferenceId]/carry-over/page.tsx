import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { BackLink } from '@/app/_components/ui/back-link';
import { Card, CardContent } from '@/app/_components/ui/card';
import { PageHeader } from '@/app/_components/ui/page-header';
import { carryOverTasks } from '@/lib/data/carry-over';
import { PageLinks, pageParam } from '../../../_components/page-links';
import { CarryOverTable } from '../_components/carry-over-table';
import { conferenceTitle, loadConference, pageLocale } from '../load';

type Props = {
  params: Promise<{ conferenceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const pageSize = 100;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ detail }, locale, t] = await Promise.all([loadConference((await params).conferenceId), pageLocale(), getTranslations('conferences.carryOver')]);
  return { title: `${t('pageTitle')} · ${conferenceTitle(detail.conference, locale)}` };
}

/** Every open task of the conferences before this one: the "show all" of the review item's list, paged in SQL. */
export default async function CarryOverPage({ params, searchParams }: Props) {
  const { actor, detail } = await loadConference((await params).conferenceId);
  const { conference } = detail;
  const [t, locale, query] = await Promise.all([getTranslations('conferences.carryOver'), pageLocale(), searchParams]);
  const pageOf = (n: number) => carryOverTasks(actor, conference.id, { limit: pageSize, offset: (n - 1) * pageSize });
  const requested = pageParam(query.page, pageSize, Number.MAX_SAFE_INTEGER);
  let { rows, total } = await pageOf(requested);
  // A page number past the end shows the last page.
  const page = pageParam(query.page, pageSize, total);
  if (page !== requested) ({ rows, total } = await pageOf(page));
  const title = conferenceTitle(conference, locale);

  return (
    <>
      <BackLink href={`/conferences/${conference.id}`}>{t('back')}</BackLink>
      <PageHeader title={t('pageTitle')} description={t('pageDescription', { conference: title })} />
      <Card>
        <CardContent className="space-y-3 py-4">
          <p className="text-sm text-ink-muted">
            {t('description')}
            {actor.role === 'department_head' ? ` ${t('ownOnly')}` : null}
          </p>
          {rows.length ? <CarryOverTable rows={rows} locale={locale} /> : <p className="text-sm text-ink">{t('empty')}</p>}
        </CardContent>
      </Card>
      <PageLinks page={page} pageSize={pageSize} total={total} href={(n) => `/conferences/${conference.id}/carry-over${n > 1 ? `?page=${n}` : ''}`} />
    </>
  );
}
