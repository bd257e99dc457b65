import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { forbidden } from 'next/navigation';
import { BackLink } from '@/app/_components/ui/back-link';
import { Card, CardContent } from '@/app/_components/ui/card';
import { PageHeader } from '@/app/_components/ui/page-header';
import { can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import { scoreWeights } from '@/lib/data/scorecards';
import { defaultScoreWeights, scoreWeightKeys } from '@/lib/domain/scoring';
import { formatDateTime, formatNumber } from '@/lib/i18n/format';
import { pageLocale } from '../../conferences/[conferenceId]/load';
import { WeightsForm } from './weights-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('rankingWeights');
  return { title: t('title') };
}

/** The weights of the ranking's score (管理 → 排名权重); the formula itself is on the ranking page. */
export default async function RankingWeightsPage() {
  const actor = await requireActor();
  if (!can(actor, 'settings.manage')) forbidden();
  const [t, tAdmin, locale, { weights, updatedAt }] = await Promise.all([getTranslations('rankingWeights'), getTranslations('admin'), pageLocale(), scoreWeights()]);
  const defaults = scoreWeightKeys.map((key) => `${t(`fields.${key}`)} ${formatNumber(defaultScoreWeights[key], locale)}`).join(t('listSeparator'));
  return (
    <>
      <BackLink href="/admin">{tAdmin('title')}</BackLink>
      <PageHeader title={t('title')} description={t('description')} />
      <Card>
        <CardContent className="space-y-5 py-5">
          <p className="text-sm text-ink-muted">
            {updatedAt ? t('lastSaved', { at: formatDateTime(updatedAt, locale) }) : t('usingDefaults')} {t('defaults', { list: defaults })}{' '}
            <Link href="/reports" className="text-accent underline underline-offset-2">
              {t('seeFormula')}
            </Link>
          </p>
          <WeightsForm weights={weights} updatedAt={updatedAt?.toISOString() ?? ''} />
        </CardContent>
      </Card>
    </>
  );
}
