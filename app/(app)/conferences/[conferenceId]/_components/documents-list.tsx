'use client';

import { FileText, Trash2, Upload } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { type FormEvent, useId, useRef, useState, useTransition } from 'react';
import { uploadFile } from '@/app/_components/upload-file';
import { Button, buttonClasses } from '@/app/_components/ui/button';
import { inputClasses } from '@/app/_components/ui/field';
import { cn } from '@/app/_components/ui/cn';
import type { ConferenceDetail } from '@/lib/data/conference-detail';
import { acceptAttribute, documentKind } from '@/lib/domain/file-type';
import type { Locale } from '@/lib/i18n/config';
import { formatDate, formatNumber } from '@/lib/i18n/format';
import { removeDocumentAction } from './document-actions';

type DocumentRow = ConferenceDetail['documents'][number];

type DocumentsListProps = {
  conferenceId: number;
  documents: DocumentRow[];
  canManage: boolean;
  /** UPLOAD_MAX_MB, read on the server. */
  maxMb: number;
  /** Where focus goes when the removed row (and the button that had focus) disappears. */
  headingId: string;
};

function useFileSize() {
  const t = useTranslations('documents.size');
  const locale = useLocale() as Locale;
  return (bytes: number) => {
    if (bytes < 1024) return t('bytes', { size: formatNumber(bytes, locale) });
    if (bytes < 1024 * 1024) return t('kb', { size: formatNumber(bytes / 1024, locale, { maximumFractionDigits: 1 }) });
    return t('mb', { size: formatNumber(bytes / (1024 * 1024), locale, { maximumFractionDigits: 1 }) });
  };
}

export function DocumentsList({ conferenceId, documents, canManage, maxMb, headingId }: DocumentsListProps) {
  const t = useTranslations('documents');
  const locale = useLocale() as Locale;
  const fileSize = useFileSize();
  // Announced to screen readers: rows come and go after a refresh, the message stays.
  const [announcement, setAnnouncement] = useState('');

  return (
    <div className="space-y-5">
      {documents.length ? (
        <div className="overflow-x-auto rounded-lg border border-border">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">{t('title')}</caption>
            <thead className="bg-canvas text-left">
              <tr className="border-b border-border">
                <th scope="col" className="px-3 py-2 font-medium text-ink-muted">{t('columns.name')}</th>
                <th scope="col" className="px-3 py-2 font-medium text-ink-muted">{t('columns.type')}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium text-ink-muted">{t('columns.size')}</th>
                <th scope="col" className="px-3 py-2 font-medium text-ink-muted">{t('columns.uploadedAt')}</th>
                {canManage ? (
                  <th scope="col" className="px-3 py-2 font-medium text-ink-muted print:hidden">
                    <span className="sr-only">{t('columns.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {documents.map((d) => (
                <tr key={d.id} className="border-b border-border last:border-b-0">
                  <td className="px-3 py-2 align-top">
                    <a href={`/api/attachments/${d.id}`} className="inline-flex items-start gap-2 break-all text-accent underline-offset-2 hover:underline">
                      <FileText className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
                      <span>{d.fileName}</span>
                    </a>
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 align-top text-ink">{t(`kinds.${documentKind(d.mediaType)}`)}</td>
                  <td className="whitespace-nowrap px-3 py-2 text-right align-top tabular-nums text-ink">{fileSize(d.sizeBytes)}</td>
                  <td className="whitespace-nowrap px-3 py-2 align-top text-ink">{formatDate(d.createdAt, locale)}</td>
                  {canManage ? (
                    <td className="px-3 py-2 text-right align-top print:hidden">
                      <RemoveDocument
                        conferenceId={conferenceId}
                        file={d}
                        onRemoved={(fileName) => {
                          setAnnouncement(t('remove.removed', { name: fileName }));
                          // The row and its button are gone: keep the keyboard in this section.
                          document.getElementById(headingId)?.focus();
                        }}
                      />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="text-sm text-ink-muted">{canManage ? t('emptyManage') : t('empty')}</p>
      )}
      <div role="status" className="sr-only">
        {announcement}
      </div>
      {canManage ? <UploadForm conferenceId={conferenceId} maxMb={maxMb} onUploaded={(name) => setAnnouncement(t('upload.uploaded', { name }))} /> : null}
    </div>
  );
}

/** Remove, then confirm: a slip of the mouse does not take a document away. */
function RemoveDocument({ conferenceId, file, onRemoved }: { conferenceId: number; file: DocumentRow; onRemoved: (fileName: string) => void }) {
  const t = useTranslations('documents.remove');
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const errorId = useId();

  const remove = () =>
    startTransition(async () => {
      const result = await removeDocumentAction(conferenceId, file.id);
      if (result.ok) {
        onRemoved(result.data.fileName);
        router.refresh();
      } else {
        setError(result.message);
        setConfirming(false);
        requestAnimationFrame(() => removeRef.current?.focus());
      }
    });

  return (
    <div className="flex flex-col items-end gap-1">
      {confirming ? (
        <div className="flex gap-2">
          <button
            ref={confirmRef}
            type="button"
            className={buttonClasses('danger', 'sm')}
            disabled={pending}
            aria-label={t('confirmLabel', { name: file.fileName })}
            onClick={remove}
          >
            {t('confirm')}
          </button>
          <Button
            variant="ghost"
            size="sm"
            disabled={pending}
            aria-label={t('cancelLabel', { name: file.fileName })}
            onClick={() => {
              setConfirming(false);
              requestAnimationFrame(() => removeRef.current?.focus());
            }}
          >
            {t('cancel')}
          </Button>
        </div>
      ) : (
        <button
          ref={removeRef}
          type="button"
          className={buttonClasses('ghost', 'sm')}
          aria-label={t('label', { name: file.fileName })}
          aria-describedby={error ? errorId : undefined}
          onClick={() => {
            setError(null);
            setConfirming(true);
            requestAnimationFrame(() => confirmRef.current?.focus());
          }}
        >
          <Trash2 aria-hidden="true" />
          {t('action')}
        </button>
      )}
      <p id={errorId} role="alert" className={cn('text-sm text-danger', !error && 'sr-only')}>
        {error}
      </p>
    </div>
  );
}

function UploadForm({ conferenceId, maxMb, onUploaded }: { conferenceId: number; maxMb: number; onUploaded: (fileName: string) => void }) {
  const t = useTranslations('documents.upload');
  const tValidation = useTranslations('validation');
  const tErrors = useTranslations('errors');
  const router = useRouter();
  const [errors, setErrors] = useState<string[]>([]);
  const [pending, setPending] = useState(false);
  // The share of the file sent so far, while it is being sent.
  const [progress, setProgress] = useState<number | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  const fail = (messages: string[]) => {
    setErrors(messages);
    inputRef.current?.focus();
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = inputRef.current?.files?.[0];
    if (!file) return fail([t('noFile')]);
    // Saves sending a file the server would refuse anyway.
    if (file.size > maxMb * 1024 * 1024) return fail([tValidation('fileTooLarge', { max: maxMb })]);
    setPending(true);
    setErrors([]);
    setProgress(0);
    const answer = await uploadFile<{ fileName?: string }>(`/api/uploads/conferences/${conferenceId}/documents`, file, setProgress);
    setPending(false);
    setProgress(null);
    if (answer.ok) {
      formRef.current?.reset();
      onUploaded(answer.data.fileName ?? file.name);
      router.refresh();
      return;
    }
    if (answer.status === 401) return fail([tErrors('unauthenticated')]);
    const fieldErrors = answer.fieldErrors.file;
    fail(fieldErrors?.length ? fieldErrors : [answer.message ?? t('failed')]);
  }

  const invalid = errors.length > 0;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-2 print:hidden">
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {t('label')}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
        <input
          ref={inputRef}
          id={id}
          name="file"
          type="file"
          accept={acceptAttribute}
          aria-invalid={invalid || undefined}
          aria-describedby={`${hintId} ${errorId}`}
          onChange={() => setErrors([])}
          className={cn(inputClasses, 'h-auto py-1.5 file:mr-3 file:rounded file:border-0 file:bg-canvas file:px-3 file:py-1 file:text-sm file:text-ink sm:flex-1')}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          <Upload aria-hidden="true" />
          {pending ? t('uploading') : t('submit')}
        </Button>
      </div>
      <p id={hintId} className="text-sm text-ink-muted">
        {t('hint', { max: maxMb })}
      </p>
      <p role="status" className={cn('text-sm text-ink-muted', progress === null && 'sr-only')}>
        {progress === null ? '' : t('progress', { percent: Math.round(progress * 100) })}
      </p>
      <div id={errorId} role="alert" className={cn('text-sm text-danger', !invalid && 'sr-only')}>
        {invalid ? (
          <ul className="space-y-0.5">
            {errors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </form>
  );
}
