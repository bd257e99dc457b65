'use server';

import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { type FormState, textOf, valuesOf } from '@/lib/actions/form-state';
import { failure, invalid } from '@/lib/actions/result';
import { getActor } from '@/lib/auth/session';
import { createConference, scheduleYear } from '@/lib/data/conferences';
import { AppError } from '@/lib/errors';
import { createConferenceSchema, scheduleYearSchema } from '@/lib/validation/conferences';
import { type OverlapWarning, conferenceFieldsOf, overlapWarnings } from './_components/conference-form-data';

export type ScheduleYearState = FormState;

/** Plans a year's four quarterly conferences, then shows the list filtered to that year. */
export async function scheduleYearAction(_previous: ScheduleYearState, formData: FormData): Promise<ScheduleYearState> {
  const values = valuesOf(formData);
  const actor = await getActor();
  if (!actor) return { ...(await failure(new AppError('unauthenticated'))), values };
  const parsed = scheduleYearSchema.safeParse({ year: textOf(formData, 'year') });
  if (!parsed.success) return { ...(await invalid(parsed.error)), values };
  const { year } = parsed.data;
  try {
    await scheduleYear(actor, { year });
  } catch (error) {
    const result = await failure(error);
    if (!result.ok && error instanceof AppError && error.messageKey === 'yearAlreadyScheduled') {
      const t = await getTranslations('conferences.plan');
      return { ...result, values, fieldErrors: { year: [t('alreadyScheduled', { year })] } };
    }
    return { ...result, values };
  }
  revalidatePath('/conferences');
  redirect(`/conferences?year=${year}`);
}

export type CreateConferenceState = FormState<{ id: number; conflicts: OverlapWarning[] }>;

/**
 * Creates a conference and opens it; when it overlaps another with the same chair or main venue,
 * the form stays to show the warning (the conference is created all the same).
 */
export async function createConferenceAction(_previous: CreateConferenceState, formData: FormData): Promise<CreateConferenceState> {
  const values = valuesOf(formData);
  const actor = await getActor();
  if (!actor) return { ...(await failure(new AppError('unauthenticated'))), values };
  const parsed = createConferenceSchema.safeParse(conferenceFieldsOf(formData));
  if (!parsed.success) return { ...(await invalid(parsed.error)), values };
  let created: Awaited<ReturnType<typeof createConference>>;
  try {
    created = await createConference(actor, parsed.data);
  } catch (error) {
    return { ...(await failure(error)), values };
  }
  revalidatePath('/conferences');
  const id = created.conference.id;
  if (created.conflicts.length) return { ok: true, data: { id, conflicts: overlapWarnings(created.conflicts) }, values };
  redirect(`/conferences/${id}`);
}
