'use client';

import { useActionState, useEffect, useRef } from 'react';
import Link from 'next/link';
import { RefreshCw } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { FormMessage } from '@/app/_components/ui/field';
import { ConferenceFields, type PersonOption } from '../../_components/conference-fields';
import { OverlapWarnings } from '../../_components/overlap-warnings';
import { updateConferenceAction } from '../actions';

type EditConferenceFormProps = {
  id: number;
  /** The version the form was loaded with: a save over someone else's newer save is refused. */
  version: number;
  values: Record<string, string>;
  /** The saved conference's field values and status as loaded: a stale save names only what others changed. */
  loaded: Record<string, string>;
  people: PersonOption[];
};

export function EditConferenceForm({ id, version, values, loaded, people }: EditConferenceFormProps) {
  const t = useTranslations('conferences.edit');
  const locale = useLocale();
  const router = useRouter();
  const [state, formAction, pending] = useActionState(updateConferenceAction, null);

  // A result belongs to the version it was made against; after a reload it is history.
  const fresh = state !== null && (state.ok ? state.data.version === version : state.values?.version === String(version));
  const failed = fresh && state && !state.ok ? state : null;
  const saved = fresh && state?.ok ? state.data : null;
  const changed = failed?.changedFields;
  const top = useRef<HTMLDivElement>(null);

  // The save button is at the bottom of a long form: bring what the save says into view.
  useEffect(() => {
    if (state) top.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [state]);

  return (
    <form action={formAction} noValidate aria-busy={pending || undefined} className="space-y-6">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      {Object.entries(loaded).map(([field, value]) => (
        <input key={field} type="hidden" name={`loaded.${field}`} value={value} />
      ))}
      <div ref={top} className="scroll-mt-20 space-y-4">
        <FormMessage error={failed?.message} success={saved ? t('saved') : null} />
        {failed?.code === 'conflict' ? (
          <div className="rounded-md border border-warning-border bg-warning-soft px-4 py-3 text-sm">
            {changed?.length ? <p className="mb-1 font-medium text-ink">{t('changedFields', { fields: changed.join(locale === 'en' ? ', ' : '、') })}</p> : null}
            <p className="text-ink-muted">{t('reloadHint')}</p>
            <Button variant="secondary" size="sm" className="mt-3" onClick={() => router.refresh()}>
              <RefreshCw aria-hidden="true" />
              {t('reload')}
            </Button>
          </div>
        ) : null}
        {saved ? <OverlapWarnings warnings={saved.conflicts} conferenceId={id} /> : null}
      </div>
      {/* Remounted for each result: a select's default cannot change after it mounts. */}
      <div key={`${version}:${failed ? JSON.stringify(failed.values) : ''}`}>
        <ConferenceFields values={failed?.values ?? values} errors={failed?.fieldErrors} people={people} />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : t('submit')}
        </Button>
        <Button asChild variant="ghost">
          <Link href={`/conferences/${id}`}>{t('cancel')}</Link>
        </Button>
      </div>
    </form>
  );
}
