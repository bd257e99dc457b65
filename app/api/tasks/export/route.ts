import { getLocale, getTranslations } from 'next-intl/server';
import { getActor } from '@/lib/auth/session';
import { iterateTasks } from '@/lib/data/task-list';
import { contentDisposition } from '@/lib/domain/content-disposition';
import { csvBom, csvLine } from '@/lib/domain/csv';
import { cityDate } from '@/lib/domain/quarters';
import { localizedName } from '@/lib/i18n/localized';
import { parseListQuery } from '@/lib/validation/list-query';
import { taskListConfig, toTaskListQuery } from '@/lib/validation/task-list';

export const dynamic = 'force-dynamic';

/**
 * The task table as CSV: the page's URL parameters, every matching row on all pages, in the
 * user's language. Streamed batch by batch (iterateTasks), so a long list is never held whole.
 */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) {
    const tErrors = await getTranslations('errors');
    return new Response(tErrors('unauthenticated'), {
      status: 401,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
  // The request's locale: the user's saved language, else the language cookie (lib/i18n/request.ts).
  const [t, tStatus, tRole, tLight, lang] = await Promise.all([
    getTranslations('tasks.table'),
    getTranslations('taskStatus'),
    getTranslations('taskRole'),
    getTranslations('trafficLight'),
    getLocale(),
  ]);
  const state = parseListQuery(taskListConfig, new URL(request.url).searchParams);
  // All pages: the export ignores `page` and `pageSize`.
  const query = { ...toTaskListQuery(state), page: undefined, pageSize: undefined };
  const now = new Date();
  const rows = iterateTasks(actor, query, now);
  const encoder = new TextEncoder();
  const header = csvLine([
    t('columns.number'),
    t('columns.title'),
    t('columns.department'),
    t('columns.role'),
    t('columns.dueDate'),
    t('columns.status'),
    tLight('label'),
    `${t('columns.progress')} (%)`,
    t('columns.overdue'),
  ]);

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvBom + header));
    },
    async pull(controller) {
      try {
        const next = await rows.next();
        if (next.done) {
          controller.close();
          return;
        }
        const text = next.value
          .map((task) =>
            csvLine([
              task.number,
              lang === 'en' && task.titleEn ? task.titleEn : task.title,
              localizedName({ name: task.departmentName, nameEn: task.departmentNameEn }, lang),
              tRole(task.role),
              String(task.dueDate),
              tStatus(task.status),
              tLight(task.light ?? 'none'),
              task.progress,
              task.overdue ? t('yes') : t('no'),
            ]),
          )
          .join('');
        controller.enqueue(encoder.encode(text));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await rows.return(undefined);
    },
  });

  const fileName = t('exportFileName', { date: cityDate(now).replaceAll('-', '') });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': contentDisposition(fileName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}
