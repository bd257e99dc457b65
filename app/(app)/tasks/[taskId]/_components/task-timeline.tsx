import { Paperclip } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { cn } from '@/app/_components/ui/cn';
import type { TimelineEntry } from '@/lib/data/tasks';
import { documentKind } from '@/lib/domain/file-type';
import { renderMarkdown } from '@/lib/domain/markdown';
import type { Locale } from '@/lib/i18n/config';
import { formatDate, formatDateTime, formatPercent } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';
import { markdownClasses } from '@/app/(app)/conferences/_components/paper';

/**
 * Every follow-up, newest first: what happened last (a submission to verify, an extension to
 * decide, the latest progress) is what the reader came for, right under the form that answers it.
 */
export async function TaskTimeline({ entries, locale }: { entries: TimelineEntry[]; locale: Locale }) {
  const [t, tKind, tStatus, tDocKind] = await Promise.all([
    getTranslations('taskPage.timeline'),
    getTranslations('taskPage.kinds'),
    getTranslations('taskStatus'),
    getTranslations('documents.kinds'),
  ]);
  if (!entries.length) return <p className="text-ink-muted">{t('empty')}</p>;
  return (
    <ol aria-label={t('title')}>
      {entries.map((entry) => {
        const department = entry.authorDepartmentName
          ? localizedName({ name: entry.authorDepartmentName, nameEn: entry.authorDepartmentNameEn }, locale)
          : null;
        const facts = [
          entry.fromStatus && entry.toStatus && entry.fromStatus !== entry.toStatus
            ? t('status', { from: tStatus(entry.fromStatus), to: tStatus(entry.toStatus) })
            : null,
          entry.progress !== null ? t('progress', { percent: formatPercent(entry.progress / 100, locale) }) : null,
          entry.requestedDueDate ? t('requestedDueDate', { date: formatDate(entry.requestedDueDate, locale) }) : null,
          entry.previousDueDate && entry.newDueDate
            ? t('dueDateChange', { from: formatDate(entry.previousDueDate, locale), to: formatDate(entry.newDueDate, locale) })
            : null,
        ].filter((fact): fact is string => fact !== null);
        return (
          <li key={entry.id} className="relative border-l-2 border-border pb-6 pl-5 last:pb-0">
            <span className="absolute top-1.5 -left-[7px] size-3 rounded-full border-2 border-surface bg-accent" aria-hidden="true" />
            <article aria-labelledby={`entry-${entry.id}`}>
              <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <h3 id={`entry-${entry.id}`} className="font-semibold text-ink">
                  {tKind(entry.kind)}
                </h3>
                <p className="text-sm text-ink-muted">
                  {entry.authorName ?? t('system')}
                  {department ? ` · ${department}` : null}
                  {' · '}
                  <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt, locale)}</time>
                </p>
              </header>
              {facts.length ? (
                <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-0.5 text-sm text-ink">
                  {facts.map((fact) => (
                    <li key={fact}>{fact}</li>
                  ))}
                </ul>
              ) : null}
              {entry.body ? (
                <div
                  className={cn(markdownClasses, 'mt-1 max-w-prose [&>:first-child]:mt-0')}
                  // renderMarkdown sanitizes: no scripts, handlers, styles, frames or images.
                  dangerouslySetInnerHTML={{ __html: renderMarkdown(entry.body, { headingLevel: 4 }) }}
                />
              ) : null}
              {entry.files.length ? (
                <div className="mt-3">
                  <h4 className="sr-only">{t('evidence')}</h4>
                  <ul className="space-y-1 text-sm">
                    {entry.files.map((file) => (
                      <li key={file.id}>
                        <a
                          href={`/api/attachments/${file.id}`}
                          download={file.fileName}
                          aria-label={t('download', { name: file.fileName })}
                          className="inline-flex items-center gap-1.5 text-accent underline-offset-2 hover:underline"
                        >
                          <Paperclip className="size-4 shrink-0" aria-hidden="true" />
                          {file.fileName}
                        </a>
                        <span className="ml-2 text-ink-muted">{tDocKind(documentKind(file.mediaType))}</span>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </article>
          </li>
        );
      })}
    </ol>
  );
}
