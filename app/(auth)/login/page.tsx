import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/session';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { LoginForm } from './_components/login-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth');
  return { title: t('signInTitle') };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const target = safeCallbackUrl(callbackUrl);
  if (await getActor()) redirect(target);
  const t = await getTranslations();
  return (
    <div className="w-full max-w-sm">
      <div className="mb-6 text-center">
        <p className="text-sm font-medium tracking-wide text-accent">{t('app.name')}</p>
        <h1 className="mt-1 text-2xl font-semibold text-ink">{t('auth.signInTitle')}</h1>
        <p className="mt-2 text-sm text-ink-muted">{t('auth.signInHint')}</p>
      </div>
      <LoginForm callbackUrl={target} />
    </div>
  );
}
