'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useState } from 'react';
import { Button } from '@/app/_components/ui/button';
import { Card, CardContent } from '@/app/_components/ui/card';

type Failure = { kind: 'invalid' | 'unavailable' } | { kind: 'wait'; seconds: number };

/** The server's refusal: `wait:<seconds>` when throttled (lib/auth/config.ts), anything else a wrong password. */
function failureOf(error: string | null | undefined, status: number | undefined): Failure {
  const wait = /^wait:(\d+)$/.exec(error ?? '');
  if (wait) return { kind: 'wait', seconds: Number(wait[1]) };
  return { kind: status && status >= 500 ? 'unavailable' : 'invalid' };
}

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('auth');
  const router = useRouter();
  const errorId = useId();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setFailure(null);
    try {
      const result = await signIn('credentials', {
        username: String(form.get('username') ?? ''),
        password: String(form.get('password') ?? ''),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        router.replace(callbackUrl);
        router.refresh();
        return;
      }
      setFailure(failureOf(result?.error, result?.status));
    } catch {
      setFailure({ kind: 'unavailable' });
    }
    setPending(false);
  }

  const described = failure ? errorId : undefined;
  const message = !failure
    ? ''
    : failure.kind !== 'wait'
      ? t(`errors.${failure.kind}`)
      : failure.seconds < 60
        ? t('errors.waitSeconds', { seconds: failure.seconds })
        : t('errors.waitMinutes', { minutes: Math.ceil(failure.seconds / 60) });
  return (
    <Card>
      <CardContent className="py-6">
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <div role="alert" aria-live="assertive" id={errorId} className={failure ? 'rounded-md border border-danger-border bg-danger-soft px-3 py-2 text-sm text-danger' : 'sr-only'}>
            {message}
          </div>
          <div className="space-y-1.5">
            <label htmlFor="username" className="block text-sm font-medium text-ink">
              {t('username')}
            </label>
            <input
              id="username"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              aria-invalid={failure?.kind === 'invalid' || undefined}
              aria-describedby={described}
              className="block h-10 w-full rounded-md border border-border-strong bg-surface px-3 text-ink focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent"
            />
          </div>
          <div className="space-y-1.5">
            <label htmlFor="password" className="block text-sm font-medium text-ink">
              {t('password')}
            </label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              aria-invalid={failure?.kind === 'invalid' || undefined}
              aria-describedby={described}
              className="block h-10 w-full rounded-md border border-border-strong bg-surface px-3 text-ink focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent"
            />
          </div>
          <Button type="submit" className="w-full" disabled={pending} aria-disabled={pending}>
            {pending ? t('signingIn') : t('signIn')}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
