import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { cn } from '@/app/_components/ui/cn';

type EarlierPeriodHintProps = {
  /** What is missing in the period, in words. */
  message: string;
  /** The period before, to look at instead: its name and where it is. */
  earlier: { name: string; href: string } | null;
  className?: string;
};

/** An empty period says so, and offers the one before (or the period picker for a range). */
export async function EarlierPeriodHint({ message, earlier, className }: EarlierPeriodHintProps) {
  const t = await getTranslations('dashboard.period');
  return (
    <p className={cn('rounded-lg border border-border bg-surface px-4 py-3 text-sm text-ink-muted', className)}>
      {message}{' '}
      {earlier ? (
        <Link href={earlier.href} className="font-medium text-accent underline underline-offset-2">
          {t('earlier', { period: earlier.name })}
        </Link>
      ) : (
        t('chooseOther')
      )}
    </p>
  );
}
