'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { type FormState, textOf, valuesOf } from '@/lib/actions/form-state';
import { failure, invalid } from '@/lib/actions/result';
import { getActor } from '@/lib/auth/session';
import { addVenue, inviteDepartments, recordAttendance, removeInvitation, removeVenue } from '@/lib/data/conference-parts';
import { addAgendaItem, addSpeaker, moveAgendaItem, moveSpeaker, removeAgendaItem, removeSpeaker } from '@/lib/data/speakers';
import { AppError } from '@/lib/errors';
import { ValidationError, fieldErrorsOf, id } from '@/lib/validation/common';
import { agendaItemSchema, attendanceSchema, inviteDepartmentsSchema, moveSchema, speakerSchema, venueSchema } from '@/lib/validation/conferences';
import { NEW_PERSON } from './_components/parts-shared';

export type AddPartState = FormState<{ id: number }>;
export type InviteState = FormState<{ added: number }>;
export type AttendanceState = FormState<{ version: number }>;
export type MoveState = FormState<{ moved: boolean; direction: 'up' | 'down' }>;
export type RemoveState = FormState<{ removed: true }>;

const removeSchema = z.object({ conferenceId: id, id });
const removeInvitationSchema = z.object({ conferenceId: id, departmentId: id });
const moveFormSchema = moveSchema.extend({ conferenceId: id });

async function unauthenticated() {
  return failure(new AppError('unauthenticated'));
}

/** The conference page and the pages printed from it show venues, speakers and agenda. */
function revalidateConference(conferenceId: number) {
  revalidatePath('/conferences');
  revalidatePath(`/conferences/${conferenceId}`);
  revalidatePath(`/conferences/${conferenceId}/notice`);
  revalidatePath(`/conferences/${conferenceId}/minutes`);
}

/**
 * A failure because someone else changed the record first (it is gone, or newer): refresh the
 * page so it shows what is saved now, then report the failure.
 */
async function failureAfterChange(error: unknown, conferenceId: number) {
  if (error instanceof AppError && (error.code === 'conflict' || error.code === 'not_found')) revalidateConference(conferenceId);
  return failure(error);
}

type Actor = NonNullable<Awaited<ReturnType<typeof getActor>>>;

/** Removes one ordered part (venue, speaker, agenda item) of a conference. */
async function removePart(formData: FormData, remove: (actor: Actor, input: { conferenceId: number; id: number }) => Promise<unknown>): Promise<RemoveState> {
  const actor = await getActor();
  if (!actor) return unauthenticated();
  const parsed = removeSchema.safeParse({ conferenceId: textOf(formData, 'conferenceId'), id: textOf(formData, 'id') });
  if (!parsed.success) return invalid(parsed.error);
  try {
    await remove(actor, parsed.data);
  } catch (error) {
    return failureAfterChange(error, parsed.data.conferenceId);
  }
  revalidateConference(parsed.data.conferenceId);
  return { ok: true, data: { removed: true } };
}

/** Moves one ordered part (speaker, agenda item) up or down. */
async function movePart(
  formData: FormData,
  move: (actor: Actor, input: { conferenceId: number; id: number; direction: 'up' | 'down' }) => Promise<{ moved: boolean }>,
): Promise<MoveState> {
  const actor = await getActor();
  if (!actor) return unauthenticated();
  const parsed = moveFormSchema.safeParse({ conferenceId: textOf(formData, 'conferenceId'), id: textOf(formData, 'id'), direction: textOf(formData, 'direction') });
  if (!parsed.success) return invalid(parsed.error);
  let moved: boolean;
  try {
    ({ moved } = await move(actor, parsed.data));
  } catch (error) {
    return failureAfterChange(error, parsed.data.conferenceId);
  }
  revalidateConference(parsed.data.conferenceId);
  return { ok: true, data: { moved, direction: parsed.data.direction } };
}

// Venues ---------------------------------------------------------------------------------

export async function addVenueAction(_previous: AddPartState, formData: FormData): Promise<AddPartState> {
  const values = valuesOf(formData);
  const actor = await getActor();
  if (!actor) return { ...(await unauthenticated()), values };
  const parsed = venueSchema.safeParse({
    conferenceId: textOf(formData, 'conferenceId'),
    name: textOf(formData, 'name'),
    kind: textOf(formData, 'kind'),
    address: textOf(formData, 'address'),
    hostDepartmentId: textOf(formData, 'hostDepartmentId'),
    connectionNotes: textOf(formData, 'connectionNotes'),
  });
  if (!parsed.success) return { ...(await invalid(parsed.error)), values };
  let created: { id: number };
  try {
    created = await addVenue(actor, parsed.data);
  } catch (error) {
    return { ...(await failure(error)), values };
  }
  revalidateConference(parsed.data.conferenceId);
  return { ok: true, data: { id: created.id } };
}

export async function removeVenueAction(_previous: RemoveState, formData: FormData): Promise<RemoveState> {
  return removePart(formData, removeVenue);
}

// Invitations and attendance -------------------------------------------------------------

export async function inviteDepartmentsAction(_previous: InviteState, formData: FormData): Promise<InviteState> {
  const departmentIds = formData.getAll('departmentIds').filter((v): v is string => typeof v === 'string');
  const allOf = formData.getAll('allOf').filter((v): v is string => typeof v === 'string');
  // An unticked box is absent from the form: absent means "not required", not the schema's default.
  const required = formData.get('required') === 'on';
  // Several ticked boxes share one name; kept comma-joined so the form can tick them again.
  const values = { departmentIds: departmentIds.join(','), allOf: allOf.join(','), required: required ? 'on' : '' };
  const actor = await getActor();
  if (!actor) return { ...(await unauthenticated()), values };
  const parsed = inviteDepartmentsSchema.safeParse({ conferenceId: textOf(formData, 'conferenceId'), departmentIds, allOf, required });
  if (!parsed.success) return { ...(await invalid(parsed.error)), values };
  let added: number;
  try {
    ({ added } = await inviteDepartments(actor, parsed.data));
  } catch (error) {
    return { ...(await failure(error)), values };
  }
  revalidateConference(parsed.data.conferenceId);
  return { ok: true, data: { added } };
}

export async function removeInvitationAction(_previous: RemoveState, formData: FormData): Promise<RemoveState> {
  const actor = await getActor();
  if (!actor) return unauthenticated();
  const parsed = removeInvitationSchema.safeParse({ conferenceId: textOf(formData, 'conferenceId'), departmentId: textOf(formData, 'departmentId') });
  if (!parsed.success) return invalid(parsed.error);
  try {
    await removeInvitation(actor, parsed.data);
  } catch (error) {
    return failureAfterChange(error, parsed.data.conferenceId);
  }
  revalidateConference(parsed.data.conferenceId);
  return { ok: true, data: { removed: true } };
}

/** Signs one department in; a save over someone else's newer sign-in is refused, not overwritten. */
export async function recordAttendanceAction(_previous: AttendanceState, formData: FormData): Promise<AttendanceState> {
  const values = valuesOf(formData);
  const actor = await getActor();
  if (!actor) return { ...(await unauthenticated()), values };
  const parsed = attendanceSchema.safeParse({
    conferenceId: textOf(formData, 'conferenceId'),
    departmentId: textOf(formData, 'departmentId'),
    version: textOf(formData, 'version'),
    attendance: textOf(formData, 'attendance'),
    attendeeNames: textOf(formData, 'attendeeNames'),
    venueId: textOf(formData, 'venueId'),
  });
  if (!parsed.success) return { ...(await invalid(parsed.error)), values };
  let saved: { version: number };
  try {
    saved = await recordAttendance(actor, parsed.data);
  } catch (error) {
    // Someone signed this department in first: show what they saved, keep what was typed here.
    return { ...(await failureAfterChange(error, parsed.data.conferenceId)), values };
  }
  revalidateConference(parsed.data.conferenceId);
  return { ok: true, data: { version: saved.version } };
}

// Speakers -------------------------------------------------------------------------------

export async function addSpeakerAction(_previous: AddPartState, formData: FormData): Promise<AddPartState> {
  const values = valuesOf(formData);
  const actor = await getActor();
  if (!actor) return { ...(await unauthenticated()), values };
  const person = textOf(formData, 'personId');
  const isNew = person === NEW_PERSON;
  const parsed = speakerSchema.safeParse({
    conferenceId: textOf(formData, 'conferenceId'),
    personId: isNew ? undefined : person,
    newPerson: isNew
      ? {
          name: textOf(formData, 'newPerson.name'),
          position: textOf(formData, 'newPerson.position'),
          organization: textOf(formData, 'newPerson.organization'),
        }
      : undefined,
    role: textOf(formData, 'role'),
    topic: textOf(formData, 'topic'),
  });
  if (!parsed.success) {
    // The schema checks "a person or a new one" only once the other fields pass: say it at once.
    const errors = fieldErrorsOf(parsed.error);
    if (!person && !errors.personId) errors.personId = [{ key: 'personRequired' }];
    return { ...(await failure(new ValidationError(errors))), values };
  }
  let created: { id: number };
  try {
    created = await addSpeaker(actor, parsed.data);
  } catch (error) {
    return { ...(await failure(error)), values };
  }
  revalidateConference(parsed.data.conferenceId);
  return { ok: true, data: { id: created.id } };
}

export async function moveSpeakerAction(_previous: MoveState, formData: FormData): Promise<MoveState> {
  return movePart(formData, moveSpeaker);
}

export async function removeSpeakerAction(_previous: RemoveState, formData: FormData): Promise<RemoveState> {
  return removePart(formData, removeSpeaker);
}

// Agenda ---------------------------------------------------------------------------------

export async function addAgendaItemAction(_previous: AddPartState, formData: FormData): Promise<AddPartState> {
  const values = valuesOf(formData);
  const actor = await getActor();
  if (!actor) return { ...(await unauthenticated()), values };
  const parsed = agendaItemSchema.safeParse({
    conferenceId: textOf(formData, 'conferenceId'),
    title: textOf(formData, 'title'),
    kind: textOf(formData, 'kind'),
    presenterSpeakerId: textOf(formData, 'presenterSpeakerId'),
    // An empty box is missing, not zero minutes (`Number('')` would be 0).
    plannedMinutes: textOf(formData, 'plannedMinutes') || undefined,
  });
  if (!parsed.success) return { ...(await invalid(parsed.error)), values };
  let created: { id: number };
  try {
    created = await addAgendaItem(actor, parsed.data);
  } catch (error) {
    return { ...(await failure(error)), values };
  }
  revalidateConference(parsed.data.conferenceId);
  return { ok: true, data: { id: created.id } };
}

export async function moveAgendaItemAction(_previous: MoveState, formData: FormData): Promise<MoveState> {
  return movePart(formData, moveAgendaItem);
}

export async function removeAgendaItemAction(_previous: RemoveState, formData: FormData): Promise<RemoveState> {
  return removePart(formData, removeAgendaItem);
}
