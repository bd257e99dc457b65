'use server';

import { getLocale, getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { type FormState, textOf, valuesOf } from '@/lib/actions/form-state';
import { failure, invalid } from '@/lib/actions/result';
import { getActor } from '@/lib/auth/session';
import { drainOutboxSoon } from '@/lib/data/email-outbox';
import { postFollowUp } from '@/lib/data/follow-ups';
import type { FollowUpKind } from '@/lib/domain/task-state';
import { AppError } from '@/lib/errors';
import { defaultLocale, isLocale } from '@/lib/i18n/config';
import { formatDate, formatPercent } from '@/lib/i18n/format';
import { followUpSchema } from '@/lib/validation/follow-ups';
import { parseLoaded, summarizeConflict } from './conflict';

export type FollowUpFormState = FormState<
  { kind: FollowUpKind; replayed: boolean },
  /** On a stale-version conflict: what others changed meanwhile, in words. */
  { conflict?: string[] }
>;

/** The receipts of the evidence files the form uploaded first (app/api/uploads/tasks/…/evidence). */
function receiptsOf(formData: FormData) {
  return formData.getAll('receipts').filter((value): value is string => typeof value === 'string' && value !== '').map((receipt) => ({ receipt }));
}

/** The lines a stale-version conflict shows: each changed field, then the entries written since. */
async function conflictLines(error: unknown, loadedRaw: string | undefined): Promise<string[] | undefined> {
  if (!(error instanceof AppError) || error.code !== 'conflict') return undefined;
  const { changes, newKinds } = summarizeConflict(parseLoaded(loadedRaw), error.details);
  const [t, tStatus, tKind, rawLocale] = await Promise.all([
    getTranslations('taskPage.form.conflict'),
    getTranslations('taskStatus'),
    getTranslations('taskPage.kinds'),
    getLocale(),
  ]);
  const locale = isLocale(rawLocale) ? rawLocale : defaultLocale;
  const lines = changes.map((change) => {
    switch (change.field) {
      case 'status':
        return t('status', { from: tStatus(change.from), to: tStatus(change.to) });
      case 'progress':
        return t('progress', { from: formatPercent(change.from / 100, locale), to: formatPercent(change.to / 100, locale) });
      case 'dueDate':
        return t('dueDate', { from: formatDate(change.from, locale), to: formatDate(change.to, locale) });
    }
  });
  if (newKinds.length) lines.push(t('entries', { kinds: newKinds.map((kind) => tKind(kind)).join(locale === 'en' ? ', ' : '、') }));
  return lines;
}

/**
 * Posts one follow-up from the task page: the kind, its text, percent, date and evidence receipts,
 * against the task version the page was loaded with and the idempotency key it was rendered with
 * (a double submit records one entry). lib/data decides whether this actor may post it now.
 */
export async function postFollowUpAction(_previous: FollowUpFormState, formData: FormData): Promise<FollowUpFormState> {
  const values = valuesOf(formData);
  const actor = await getActor();
  if (!actor) return { ...(await failure(new AppError('unauthenticated'))), values };
  const parsed = followUpSchema.safeParse({
    taskId: textOf(formData, 'taskId'),
    version: textOf(formData, 'version'),
    kind: textOf(formData, 'kind'),
    body: textOf(formData, 'body'),
    progress: textOf(formData, 'progress'),
    newDueDate: textOf(formData, 'newDueDate'),
    idempotencyKey: textOf(formData, 'idempotencyKey'),
  });
  if (!parsed.success) return { ...(await invalid(parsed.error)), values };
  let posted: Awaited<ReturnType<typeof postFollowUp>>;
  try {
    posted = await postFollowUp(actor, parsed.data, new Date(), receiptsOf(formData));
  } catch (error) {
    return { ...(await failure(error)), values, conflict: await conflictLines(error, textOf(formData, 'loaded')) };
  }
  // The task page, the task list and "my department" all show the new state.
  revalidatePath('/tasks', 'layout');
  revalidatePath('/my-department');
  // Mail for the notices this wrote goes out after the response; SMTP never delays the user.
  drainOutboxSoon();
  return { ok: true, data: { kind: posted.followUp.kind, replayed: posted.replayed } };
}
