'use server';

import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { type FormState, textOf, valuesOf } from '@/lib/actions/form-state';
import { failure, invalid } from '@/lib/actions/result';
import { getActor } from '@/lib/auth/session';
import { changeConferenceStatus, saveMinutes, updateConference } from '@/lib/data/conferences';
import type { ConferenceStatus } from '@/lib/domain/conference-status';
import { AppError } from '@/lib/errors';
import { changeConferenceStatusSchema, publishMinutesSchema, updateConferenceSchema } from '@/lib/validation/conferences';
import { type OverlapWarning, conferenceFieldsOf, overlapWarnings } from '../_components/conference-form-data';

/** The conference page and everything under it (notice, minutes, edit), and the list. */
function revalidateConference(id: number) {
  revalidatePath(`/conferences/${id}`, 'layout');
  revalidatePath('/conferences');
}

/** The translated names of the fields someone else changed, for a stale-version conflict. */
async function changedFieldNames(error: unknown): Promise<string[] | undefined> {
  if (!(error instanceof AppError) || error.code !== 'conflict') return undefined;
  const fields = error.details?.changedFields;
  if (!Array.isArray(fields)) return undefined;
  const t = await getTranslations('conferences.fields');
  return (fields as string[]).map((field) => (t.has(field as never) ? t(field as never) : field));
}

export type UpdateConferenceState = FormState<{ id: number; version: number; conflicts: OverlapWarning[] }, { changedFields?: string[] }>;

/**
 * Saves the conference form against the version it was loaded with, then goes back to the
 * conference; when it now overlaps another, the form stays to show the warning (saved all the same).
 */
export async function updateConferenceAction(_previous: UpdateConferenceState, formData: FormData): Promise<UpdateConferenceState> {
  const values = valuesOf(formData);
  const actor = await getActor();
  if (!actor) return { ...(await failure(new AppError('unauthenticated'))), values };
  const parsed = updateConferenceSchema.safeParse({
    id: textOf(formData, 'id'),
    version: textOf(formData, 'version'),
    ...conferenceFieldsOf(formData),
    // What the form was loaded with: a stale save then names only what others changed.
    loaded: { ...conferenceFieldsOf(formData, 'loaded.'), status: textOf(formData, 'loaded.status') },
  });
  if (!parsed.success) return { ...(await invalid(parsed.error)), values };
  let saved: Awaited<ReturnType<typeof updateConference>>;
  try {
    saved = await updateConference(actor, parsed.data);
  } catch (error) {
    return { ...(await failure(error)), values, changedFields: await changedFieldNames(error) };
  }
  const { id, version } = saved.conference;
  revalidateConference(id);
  if (saved.conflicts.length) return { ok: true, data: { id, version, conflicts: overlapWarnings(saved.conflicts) }, values };
  redirect(`/conferences/${id}`);
}

export type ChangeConferenceStatusState = FormState<{ status: ConferenceStatus; version: number }>;

/** Issues or withdraws the notice, marks the conference held, publishes the minutes or cancels it. */
export async function changeConferenceStatusAction(_previous: ChangeConferenceStatusState, formData: FormData): Promise<ChangeConferenceStatusState> {
  const values = valuesOf(formData);
  const actor = await getActor();
  if (!actor) return { ...(await failure(new AppError('unauthenticated'))), values };
  const parsed = changeConferenceStatusSchema.safeParse({
    id: textOf(formData, 'id'),
    version: textOf(formData, 'version'),
    to: textOf(formData, 'to'),
    reason: textOf(formData, 'reason'),
  });
  if (!parsed.success) return { ...(await invalid(parsed.error)), values };
  let after: Awaited<ReturnType<typeof changeConferenceStatus>>;
  try {
    after = await changeConferenceStatus(actor, parsed.data);
  } catch (error) {
    const result = await failure(error);
    // Publishing needs saved minutes: the field is on the minutes page, so say so in words.
    if (!result.ok && result.fieldErrors?.minutesText) {
      const t = await getTranslations('conferences.status');
      return { ...result, values, message: t('minutesMissing') };
    }
    return { ...result, values };
  }
  revalidateConference(after.id);
  return { ok: true, data: { status: after.status, version: after.version } };
}

export type SaveMinutesState = FormState<{ version: number }>;

/** Saves the minutes' Markdown; publishing them is a status move afterwards. */
export async function saveMinutesAction(_previous: SaveMinutesState, formData: FormData): Promise<SaveMinutesState> {
  const values = valuesOf(formData);
  const actor = await getActor();
  if (!actor) return { ...(await failure(new AppError('unauthenticated'))), values };
  const parsed = publishMinutesSchema.safeParse({
    id: textOf(formData, 'id'),
    version: textOf(formData, 'version'),
    minutesText: textOf(formData, 'minutesText'),
  });
  if (!parsed.success) return { ...(await invalid(parsed.error)), values };
  let after: Awaited<ReturnType<typeof saveMinutes>>;
  try {
    after = await saveMinutes(actor, parsed.data);
  } catch (error) {
    return { ...(await failure(error)), values };
  }
  revalidateConference(after.id);
  return { ok: true, data: { version: after.version }, values };
}
