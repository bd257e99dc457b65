'use client';

import Link from 'next/link';
import { TriangleAlert } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import type { Locale } from '@/lib/i18n/config';
import { formatDateTime } from '@/lib/i18n/format';
import type { OverlapWarning } from './conference-form-data';

/** After a save: the other conferences at the same time with the same chair or main venue. */
export function OverlapWarnings({ warnings, conferenceId }: { warnings: OverlapWarning[]; conferenceId: number }) {
  const t = useTranslations('conferences.overlap');
  const locale = useLocale() as Locale;
  if (!warnings.length) return null;
  return (
    <section aria-labelledby="overlap-title" className="rounded-md border border-warning-border bg-warning-soft px-4 py-3 text-sm">
      <h2 id="overlap-title" className="flex items-center gap-2 font-semibold text-ink">
        <TriangleAlert className="size-4 text-warning" aria-hidden="true" />
        {t('title')}
      </h2>
      <p className="mt-1 text-ink">{t('description')}</p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {warnings.map((w) => (
          <li key={w.id}>
            {t.rich('item', {
              title: w.title,
              time: formatDateTime(w.startsAt, locale),
              reasons: w.reasons.map((reason) => t(`reasons.${reason}`)).join(locale === 'en' ? ', ' : '、'),
              link: (chunks) => (
                <Link href={`/conferences/${w.id}`} className="text-accent underline underline-offset-2">
                  {chunks}
                </Link>
              ),
            })}
          </li>
        ))}
      </ul>
      <p className="mt-3">
        <Link href={`/conferences/${conferenceId}`} className="font-medium text-accent underline underline-offset-2">
          {t('open')}
        </Link>
      </p>
    </section>
  );
}
