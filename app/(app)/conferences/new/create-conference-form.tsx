'use client';

import { useActionState, useEffect, useRef } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { FormMessage } from '@/app/_components/ui/field';
import { ConferenceFields, type PersonOption } from '../_components/conference-fields';
import { OverlapWarnings } from '../_components/overlap-warnings';
import { createConferenceAction } from '../actions';

/** Creates the conference and opens it; stays only to show an overlap warning. */
export function CreateConferenceForm({ defaults, people }: { defaults: Record<string, string>; people: PersonOption[] }) {
  const t = useTranslations('conferences.create');
  const tList = useTranslations('conferences');
  const [state, formAction, pending] = useActionState(createConferenceAction, null);
  const top = useRef<HTMLDivElement>(null);

  // The create button is at the bottom of a long form: bring what it says into view.
  useEffect(() => {
    if (state) top.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [state]);

  if (state?.ok) {
    return (
      <div ref={top} className="scroll-mt-20 space-y-4">
        <FormMessage success={t('created')} />
        <OverlapWarnings warnings={state.data.conflicts} conferenceId={state.data.id} />
      </div>
    );
  }

  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} noValidate aria-busy={pending || undefined} className="space-y-6">
      <div ref={top} className="scroll-mt-20">
        <FormMessage error={failed?.message} />
      </div>
      {/* Remounted for each result: a select's default cannot change after it mounts. */}
      <div key={failed ? JSON.stringify(failed.values) : 'new'}>
        <ConferenceFields values={failed?.values ?? defaults} errors={failed?.fieldErrors} people={people} />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? t('submitting') : t('submit')}
        </Button>
        <Button asChild variant="ghost">
          <Link href="/conferences">{tList('backToList')}</Link>
        </Button>
      </div>
    </form>
  );
}
