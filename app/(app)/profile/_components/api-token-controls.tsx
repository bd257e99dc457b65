'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useId, useRef, useState } from 'react';
import { Badge, type BadgeTone } from '@/app/_components/ui/badge';
import { Button } from '@/app/_components/ui/button';
import { Field, FormMessage, inputClasses, useFocusOnError } from '@/app/_components/ui/field';
import { fieldsKey } from '@/lib/actions/form-state';
import type { ApiTokenState } from '@/lib/data/api-tokens';
import { createApiTokenAction, revokeApiTokenAction } from '../api-token-actions';
import { OneTimeSecret } from './one-time-secret';

/** A new token's name and optional last day; the created token is shown once, with a copy button. */
export function ApiTokenCreateForm() {
  const t = useTranslations('apiTokens');
  const [state, formAction, pending] = useActionState(createApiTokenAction, null);
  const [copied, setCopied] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(formRef, state);
  const failed = state && !state.ok ? state : null;
  const created = state?.ok ? state.data : null;

  return (
    <div className="space-y-4">
      <form
        ref={formRef}
        action={formAction}
        onSubmit={() => setCopied(false)}
        noValidate
        aria-busy={pending || undefined}
        className="space-y-4"
      >
        <FormMessage error={failed?.message} success={copied ? t('copied') : created ? t('created', { name: created.name }) : null} />
        <div key={fieldsKey(failed?.values)} className="grid gap-4 sm:grid-cols-2">
          <Field label={t('name')} name="name" errors={failed?.fieldErrors?.name ?? failed?.fieldErrors?.user} hint={t('nameHint')} required>
            {(control) => <input {...control} type="text" maxLength={100} defaultValue={failed?.values?.name} className={inputClasses} />}
          </Field>
          <Field label={t('expiresOn')} name="expiresOn" errors={failed?.fieldErrors?.expiresOn} hint={t('expiresHint')}>
            {(control) => <input {...control} type="date" defaultValue={failed?.values?.expiresOn} className={inputClasses} />}
          </Field>
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? t('creating') : t('create')}
        </Button>
      </form>
      {created ? (
        <OneTimeSecret
          label={t('tokenLabel')}
          value={created.token}
          copyLabel={t('copy')}
          onceText={t('tokenOnce')}
          onCopied={setCopied}
          className="rounded-md border border-warning-border bg-warning-soft p-4"
        />
      ) : null}
    </div>
  );
}

export interface ApiTokenListRow {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string;
  state: ApiTokenState;
}

const stateTones: Record<ApiTokenState, BadgeTone> = { active: 'success', expired: 'neutral', revoked: 'neutral' };

/** The user's tokens (values already formatted), each active one with a button to revoke it. */
export function ApiTokenList({ rows }: { rows: ApiTokenListRow[] }) {
  const t = useTranslations('apiTokens');
  const [state, formAction, pending] = useActionState(revokeApiTokenAction, null);
  const headingId = useId();
  return (
    <div className="space-y-3">
      <h3 id={headingId} className="font-semibold text-ink">
        {t('listTitle')}
      </h3>
      <FormMessage error={state && !state.ok ? state.message : null} success={state?.ok ? t('revoked', { name: state.data.name }) : null} />
      {rows.length === 0 ? (
        <p className="text-sm text-ink-muted">{t('empty')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table aria-labelledby={headingId} className="w-full border-collapse text-sm [&_td]:border-t [&_td]:border-border [&_td]:px-2 [&_td]:py-2 [&_th]:px-2 [&_th]:py-2 [&_th]:text-left [&_th]:font-medium [&_th]:text-ink-muted">
            <thead>
              <tr>
                <th scope="col">{t('columns.name')}</th>
                <th scope="col">{t('columns.prefix')}</th>
                <th scope="col">{t('columns.createdAt')}</th>
                <th scope="col">{t('columns.expiresAt')}</th>
                <th scope="col">{t('columns.lastUsedAt')}</th>
                <th scope="col">{t('columns.state')}</th>
                <th scope="col">
                  <span className="sr-only">{t('columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td className="text-ink">{row.name}</td>
                  <td>
                    <code className="font-mono">{row.prefix}…</code>
                  </td>
                  <td>{row.createdAt}</td>
                  <td>{row.expiresAt}</td>
                  <td>{row.lastUsedAt}</td>
                  <td>
                    <Badge tone={stateTones[row.state]}>{t(`states.${row.state}`)}</Badge>
                  </td>
                  <td className="text-right">
                    {row.state === 'active' ? (
                      <form action={formAction}>
                        <input type="hidden" name="tokenId" value={row.id} />
                        <Button type="submit" variant="ghost" size="sm" disabled={pending} aria-label={t('revokeLabel', { name: row.name })}>
                          {t('revoke')}
                        </Button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
