'use client';

import { type FormEvent, startTransition, useActionState, useEffect, useRef, useState, useTransition } from 'react';
import { RefreshCw } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { uploadFile } from '@/app/_components/upload-file';
import { Button } from '@/app/_components/ui/button';
import { cn } from '@/app/_components/ui/cn';
import { Field, FormMessage, inputClasses, useFocusOnError } from '@/app/_components/ui/field';
import { acceptAttribute } from '@/lib/domain/file-type';
import type { FollowUpKind } from '@/lib/domain/task-state';
import { bodyRequired, evidenceKinds, maxEvidenceFiles } from '@/lib/validation/follow-ups';
import { type FollowUpFormState, postFollowUpAction } from '../actions';

/** The order the choices are offered in: the department's work first, then the office's. */
const kindOrder = [
  'acknowledge', 'progress', 'submit', 'extension_request', 'verify', 'return', 'extension_approved', 'extension_rejected',
  'instruction', 'reminder', 'comment', 'due_date_change', 'cancel',
] as const satisfies readonly FollowUpKind[];
export type PostableKind = (typeof kindOrder)[number];

const datedKinds: ReadonlySet<FollowUpKind> = new Set(['extension_request', 'due_date_change']);

type FollowUpFormProps = {
  taskId: number;
  /** The version the page was loaded with: a post over someone else's newer change is refused. */
  version: number;
  /** Made when the page was rendered: the same form sent twice records one entry. */
  idempotencyKey: string;
  /** JSON of what the page showed (LoadedTask), so a conflict can say what changed since. */
  loaded: string;
  allowed: FollowUpKind[];
  /** Formatted for the hints. */
  progressText: string;
  progress: number;
  dueDateText: string;
  /** The extension request waiting for a decision, formatted; shown to whoever decides it. */
  pendingExtension: { from: string; to: string; reason: string | null } | null;
  maxMb: number;
};

const textareaClasses = cn(inputClasses, 'h-auto min-h-32 py-2 leading-relaxed');

/** The follow-ups this person may record on the task now, one form whose fields follow the chosen kind. */
export function FollowUpForm(props: FollowUpFormProps) {
  const { taskId, version, idempotencyKey, loaded, allowed, maxMb } = props;
  const t = useTranslations('taskPage.form');
  const tKind = useTranslations('taskPage.kinds');
  const tValidation = useTranslations('validation');
  const router = useRouter();
  const [state, dispatch, pending] = useActionState<FollowUpFormState, FormData>(postFollowUpAction, null);
  const [chosen, setChosen] = useState<FollowUpKind | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  // What is being sent, while evidence files go up before the post.
  const [uploading, setUploading] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(formRef, state);

  const kinds = kindOrder.filter((kind) => allowed.includes(kind));
  // After a post the choices change (an acknowledged task cannot be acknowledged again).
  const kind = chosen && kinds.includes(chosen as PostableKind) ? chosen : kinds[0];
  const failed = state && !state.ok ? state : null;
  // The conflict stays until the person reloads (the page may already show the newer task if it
  // re-rendered with the action's answer); after the reload only the typed text stays.
  const [dismissed, setDismissed] = useState<FollowUpFormState>(null);
  // In one transition with the refresh, so the notice goes only once the newer task is shown
  // (a post before that would carry the old version again).
  const [refreshing, startRefresh] = useTransition();
  const conflict = failed?.conflict && failed !== dismissed ? failed.conflict : null;
  const errors = failed?.fieldErrors;
  const values = failed?.values ?? {};

  // A recorded entry empties the form for the next one.
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);

  if (!kind) return <p className="text-ink-muted">{t('none')}</p>;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const input = form.querySelector<HTMLInputElement>('input[type="file"]');
    const files = input?.files ? [...input.files] : [];
    // Said before the upload starts, rather than after sending megabytes the server will refuse.
    const tooLarge = files.some((file) => file.size > maxMb * 1024 * 1024);
    const tooMany = files.length > maxEvidenceFiles;
    setFileError(tooLarge ? tValidation('fileTooLarge', { max: maxMb }) : tooMany ? tValidation('tooManyFiles', { max: maxEvidenceFiles }) : null);
    if (tooLarge || tooMany) return input?.focus();
    // Dispatched by hand, not through `action`, so React does not reset the form: after an error
    // or a conflict the text and the chosen files are still there.
    const data = new FormData(form);
    data.delete('files');
    // Each file goes to the upload route first; the post carries only their signed receipts.
    for (const [index, file] of files.entries()) {
      const report = (fraction: number) => setUploading(t('uploadProgress', { name: file.name, index: index + 1, count: files.length, percent: Math.round(fraction * 100) }));
      report(0);
      const answer = await uploadFile<{ receipt: string }>(`/api/uploads/tasks/${taskId}/evidence`, file, report);
      if (!answer.ok) {
        setUploading(null);
        const refused = answer.fieldErrors.files ?? [];
        setFileError(refused.length ? `${file.name}: ${refused.join(' ')}` : (answer.message ?? t('uploadFailed')));
        return input?.focus();
      }
      data.append('receipts', answer.data.receipt);
    }
    setUploading(null);
    startTransition(() => dispatch(data));
  }

  const fileErrors = [...(fileError ? [fileError] : []), ...(errors?.files ?? [])];
  const formErrors = errors ? Object.entries(errors).filter(([field]) => !['body', 'progress', 'newDueDate', 'files'].includes(field)).flatMap(([, m]) => m) : [];

  return (
    <form
      ref={formRef}
      action={dispatch}
      onSubmit={onSubmit}
      noValidate
      aria-busy={pending || refreshing || undefined}
      className="space-y-5"
    >
      <input type="hidden" name="taskId" value={taskId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="idempotencyKey" value={`${idempotencyKey}-${kind}`} />
      <input type="hidden" name="loaded" value={loaded} />
      <input type="hidden" name="kind" value={kind} />

      <FormMessage
        error={failed ? [failed.message, ...formErrors].join(' ') : null}
        success={state?.ok ? t('posted', { kind: tKind(state.data.kind) }) : null}
      />
      {conflict ? (
        <div className="rounded-md border border-warning-border bg-warning-soft px-4 py-3 text-sm">
          <p className="font-medium text-ink">{t('conflict.title')}</p>
          {conflict.length ? (
            <ul className="mt-1 list-disc space-y-0.5 pl-5 text-ink">
              {conflict.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
          <p className="mt-2 text-ink-muted">{t('conflict.kept')}</p>
          <Button
            variant="secondary"
            size="sm"
            className="mt-3"
            disabled={refreshing}
            onClick={() =>
              startRefresh(() => {
                setDismissed(failed);
                router.refresh();
              })
            }
          >
            <RefreshCw aria-hidden="true" />
            {t('conflict.reload')}
          </Button>
        </div>
      ) : null}

      {kinds.length > 1 ? (
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-ink">{t('choose')}</legend>
          <div className="flex flex-wrap gap-2">
            {kinds.map((option) => (
              <label
                key={option}
                className={cn(
                  'inline-flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm',
                  option === kind ? 'border-accent bg-accent-soft text-ink' : 'border-border-strong bg-surface text-ink',
                )}
              >
                <input
                  type="radio"
                  name="choice"
                  value={option}
                  checked={option === kind}
                  onChange={() => setChosen(option)}
                  className="size-4 accent-accent"
                />
                {t(`actions.${option}`)}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}

      <KindFields {...props} kind={kind} values={values} errors={errors} fileErrors={fileErrors} />

      <p role="status" className={cn('text-sm text-ink-muted', !uploading && 'sr-only')}>
        {uploading ?? ''}
      </p>
      <Button type="submit" disabled={pending || refreshing || uploading !== null} variant={kind === 'cancel' ? 'danger' : 'primary'}>
        {pending ? t('pending') : t(`actions.${kind as PostableKind}`)}
      </Button>
    </form>
  );
}

type KindFieldsProps = FollowUpFormProps & {
  kind: FollowUpKind;
  values: Record<string, string>;
  errors?: Record<string, string[]>;
  fileErrors: string[];
};

/** The fields one kind asks for: text, and a percent, a date or evidence where it takes them. */
function KindFields({ kind, values, errors, fileErrors, progress, progressText, dueDateText, pendingExtension, maxMb }: KindFieldsProps) {
  const t = useTranslations('taskPage.form');
  const postable = kind as PostableKind;
  const deciding = kind === 'extension_approved' || kind === 'extension_rejected';
  return (
    <div className="space-y-5">
      <p className="text-sm text-ink-muted">{t(`hints.${postable}`)}</p>
      {deciding && pendingExtension ? (
        <div className="rounded-md border border-info-border bg-info-soft px-4 py-3 text-sm text-ink">
          <p>{t('pendingExtension', { from: pendingExtension.from, to: pendingExtension.to })}</p>
          {pendingExtension.reason ? <p className="mt-1 whitespace-pre-line">{t('pendingReason', { reason: pendingExtension.reason })}</p> : null}
        </div>
      ) : null}
      {kind === 'progress' ? (
        <Field label={t('percent')} name="progress" errors={errors?.progress} hint={t('percentHint', { percent: progressText })} required className="max-w-xs">
          {(control) => (
            <input {...control} type="number" inputMode="numeric" min={0} max={100} step={1} defaultValue={values.progress ?? progress} className={inputClasses} />
          )}
        </Field>
      ) : null}
      {datedKinds.has(kind) ? (
        <Field label={t('newDueDate')} name="newDueDate" errors={errors?.newDueDate} hint={t('newDueDateHint', { date: dueDateText })} required className="max-w-xs">
          {(control) => <input {...control} type="date" defaultValue={values.newDueDate} className={inputClasses} />}
        </Field>
      ) : null}
      <Field label={t(`body.${postable}`)} name="body" errors={errors?.body} hint={t('bodyHint')} required={bodyRequired.has(kind)}>
        {(control) => <textarea {...control} rows={5} maxLength={5000} defaultValue={values.body} className={textareaClasses} />}
      </Field>
      {evidenceKinds.has(kind) ? (
        <Field label={t('files')} name="files" errors={fileErrors.length ? fileErrors : undefined} hint={t('filesHint', { max: maxMb, count: maxEvidenceFiles })}>
          {(control) => (
            <input
              {...control}
              type="file"
              multiple
              accept={acceptAttribute}
              className="block w-full text-sm text-ink file:mr-3 file:rounded-md file:border file:border-border-strong file:bg-surface file:px-3 file:py-2 file:text-sm file:text-ink hover:file:bg-canvas"
            />
          )}
        </Field>
      ) : null}
    </div>
  );
}
