'use client';

import { useEffect } from 'react';
import { RotateCcw, TriangleAlert } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useFailedRequest } from '@/app/_components/failed-request-id';
import { Button } from '@/app/_components/ui/button';

/** A bug while rendering a page: the shell stays, the page offers to try again. */
export default function AppError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations('errors');
  const tCommon = useTranslations('common');
  // The server sends only a digest, never the message itself; its `request failed` log line carries
  // the digest next to the request id (lib/request-error.ts).
  const { requestId, digest } = useFailedRequest(error instanceof Error && 'digest' in error ? String(error.digest) : null);

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div className="rounded-lg border border-danger-border bg-surface px-6 py-10 text-center">
      <TriangleAlert className="mx-auto mb-4 size-8 text-danger" aria-hidden="true" />
      <h1 className="text-xl font-semibold text-ink">{t('title')}</h1>
      <p className="mx-auto mt-2 max-w-prose text-ink-muted">{t('description')}</p>
      {requestId ? <p className="mt-3 font-mono text-xs text-ink-muted">{t('requestId', { requestId })}</p> : null}
      {digest ? <p className="mt-1 font-mono text-xs text-ink-muted">{t('reference', { digest })}</p> : null}
      <Button className="mt-6" onClick={() => retry()}>
        <RotateCcw aria-hidden="true" />
        {tCommon('retry')}
      </Button>
    </div>
  );
}
