import { getLocale, getTranslations } from 'next-intl/server';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { requireActor } from '@/lib/auth/session';
import { listApiTokens } from '@/lib/data/api-tokens';
import type { Locale } from '@/lib/i18n/config';
import { formatDate, formatDateTime } from '@/lib/i18n/format';
import { ApiTokenCreateForm, ApiTokenList } from './api-token-controls';

/** The profile's API tokens: the user's tokens with their state, a form for a new one, revoking. */
export async function ApiTokens() {
  const actor = await requireActor();
  const [t, locale, tokens] = await Promise.all([getTranslations('apiTokens'), getLocale(), listApiTokens(actor)]);
  const lang = locale as Locale;
  // A token expires at the start of the day after its last day: show that last day.
  const lastDay = (expiresAt: Date) => formatDate(new Date(expiresAt.getTime() - 1), lang);
  const rows = tokens.map((token) => ({
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    createdAt: formatDateTime(token.createdAt, lang),
    expiresAt: token.expiresAt ? lastDay(token.expiresAt) : t('noExpiry'),
    lastUsedAt: token.lastUsedAt ? formatDateTime(token.lastUsedAt, lang) : t('never'),
    state: token.state,
  }));
  return (
    <Card role="region" aria-labelledby="api-tokens-heading">
      <CardHeader>
        <CardTitle id="api-tokens-heading">{t('title')}</CardTitle>
        <CardDescription>
          {t('description')}{' '}
          <a href="/api/docs" className="text-accent underline">
            {t('docsLink')}
          </a>
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-6 py-5">
        <ApiTokenCreateForm />
        <ApiTokenList rows={rows} />
      </CardContent>
    </Card>
  );
}
