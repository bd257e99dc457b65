'use client';

import { type ReactNode, useActionState, useRef } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { Field, FormMessage, inputClasses } from '@/app/_components/ui/field';
import { type TaskChangeState, addAssignmentAction, cancelTaskAction, reassignTaskAction } from '../requested-actions';
import type { DepartmentChoice } from './add-venue-form';
import { DepartmentSelect } from './department-options';
import { useFocusFirstInvalid } from './part-row-actions';
import { fieldsKey } from './parts-shared';

const textareaClasses = `${inputClasses.replace('h-10', 'min-h-16')} py-2`;
const summaryClasses =
  'inline-flex h-8 cursor-pointer list-none items-center rounded-md px-3 text-sm font-medium text-accent hover:bg-canvas [&::-webkit-details-marker]:hidden';

/**
 * A later change behind a disclosure: its summary names what it does (and to which row), its
 * form writes one follow-up. After success the disclosure closes and the page shows the change.
 */
function ChangeDisclosure({ summary, label, children }: { summary: string; label: string; children: ReactNode }) {
  return (
    <details className="group print:hidden">
      <summary className={summaryClasses} aria-label={label}>
        {summary}
      </summary>
      <div className="mt-2 w-72 max-w-full rounded-md border border-border bg-surface p-3 text-left shadow-sm sm:w-80">{children}</div>
    </details>
  );
}

type Shown = { values: Record<string, string>; errors?: Record<string, string[]> };

/** One change's form: its hidden ids, its message, its fields (given what was typed and the errors) and its button. */
function ChangeForm({
  action,
  hidden,
  success,
  submit,
  danger,
  children,
}: {
  action: (state: TaskChangeState, formData: FormData) => Promise<TaskChangeState>;
  hidden: Record<string, string | number>;
  success?: string;
  submit: string;
  danger?: boolean;
  children: (shown: Shown) => ReactNode;
}) {
  const [state, formAction, pending] = useActionState<TaskChangeState, FormData>(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, state);
  const failed = state && !state.ok ? state : null;
  return (
    <form ref={formRef} action={formAction} noValidate aria-busy={pending || undefined} className="space-y-3">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormMessage error={failed?.message} success={state?.ok ? success : null} />
      <div key={fieldsKey(state)} className="space-y-3">
        {children({ values: failed?.values ?? {}, errors: failed?.fieldErrors })}
      </div>
      <Button type="submit" size="sm" variant={danger ? 'danger' : 'primary'} disabled={pending}>
        {submit}
      </Button>
    </form>
  );
}

type AddAssignmentProps = { conferenceId: number; actionId: number; actionNumber: string; departments: DepartmentChoice[] };

/** Adds a department to an action already recorded (a new task, opened by an `assign` follow-up). */
export function AddAssignmentDisclosure({ conferenceId, actionId, actionNumber, departments }: AddAssignmentProps) {
  const t = useTranslations('requestedActions.changes');
  const tRole = useTranslations('requestedActions.role');
  return (
    <ChangeDisclosure summary={t('add')} label={t('addNamed', { number: actionNumber })}>
      <ChangeForm action={addAssignmentAction} hidden={{ conferenceId, actionId }} success={t('added')} submit={t('addSubmit')}>
        {({ values, errors }) => (
          <>
            <Field label={t('department')} name="departmentId" errors={errors?.departmentId} required>
              {(control) => <DepartmentSelect {...control} departments={departments} defaultValue={values.departmentId} />}
            </Field>
            <Field label={t('role')} name="role" errors={errors?.role}>
              {(control) => (
                <select {...control} defaultValue={values.role ?? 'support'} className={inputClasses}>
                  <option value="support">{tRole('support')}</option>
                  <option value="lead">{tRole('lead')}</option>
                </select>
              )}
            </Field>
            <Field label={t('dueDate')} name="dueDate" errors={errors?.dueDate} hint={t('dueDateHint')}>
              {(control) => <input {...control} type="date" defaultValue={values.dueDate} className={inputClasses} />}
            </Field>
            <Field label={t('acknowledgeBy')} name="acknowledgeBy" errors={errors?.acknowledgeBy} hint={t('acknowledgeByHint')}>
              {(control) => <input {...control} type="date" defaultValue={values.acknowledgeBy} className={inputClasses} />}
            </Field>
            <Field label={t('note')} name="reason" errors={errors?.reason}>
              {(control) => <textarea {...control} defaultValue={values.reason} maxLength={1000} className={textareaClasses} />}
            </Field>
          </>
        )}
      </ChangeForm>
    </ChangeDisclosure>
  );
}

type TaskChangesProps = { conferenceId: number; taskId: number; version: number; departmentName: string; departments: DepartmentChoice[]; canReassign: boolean };

/** Reassign or cancel one task, each with its reason. */
export function TaskChanges({ conferenceId, taskId, version, departmentName, departments, canReassign }: TaskChangesProps) {
  const t = useTranslations('requestedActions.changes');
  const hidden = { conferenceId, taskId, version };
  const reason = ({ values, errors }: Shown, hint?: string) => (
    <Field label={t('reason')} name="reason" errors={errors?.reason} required hint={hint}>
      {(control) => <textarea {...control} defaultValue={values.reason} maxLength={1000} className={textareaClasses} />}
    </Field>
  );
  return (
    <div className="flex flex-col items-end gap-1">
      {canReassign ? (
        <ChangeDisclosure summary={t('reassign')} label={t('reassignNamed', { department: departmentName })}>
          <ChangeForm action={reassignTaskAction} hidden={hidden} success={t('reassigned')} submit={t('reassignSubmit')}>
            {(shown) => (
              <>
                <Field label={t('newDepartment')} name="departmentId" errors={shown.errors?.departmentId} required>
                  {(control) => <DepartmentSelect {...control} departments={departments} defaultValue={shown.values.departmentId} />}
                </Field>
                {reason(shown, t('reassignHint'))}
              </>
            )}
          </ChangeForm>
        </ChangeDisclosure>
      ) : null}
      <ChangeDisclosure summary={t('cancel')} label={t('cancelNamed', { department: departmentName })}>
        <ChangeForm action={cancelTaskAction} hidden={hidden} submit={t('cancelSubmit')} danger>
          {(shown) => reason(shown)}
        </ChangeForm>
      </ChangeDisclosure>
    </div>
  );
}
