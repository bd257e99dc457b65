'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Copy, KeyRound } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';

type OneTimePasswordPanelProps = {
  title: string;
  /** Who the password is for, in a sentence: "请将下面的一次性密码交给 张伟（zhangwei）". */
  instructions: string;
  password: string;
  children?: ReactNode;
};

/**
 * A one-time password, shown once: it is not stored in clear and cannot be shown again. The panel
 * takes focus so a screen reader reads it out at once.
 */
export function OneTimePasswordPanel({ title, instructions, password, children }: OneTimePasswordPanelProps) {
  const t = useTranslations('adminUsers.oneTimePassword');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const codeRef = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  async function copy() {
    try {
      // The clipboard API needs https (or localhost); intranet installs may run on plain http.
      if (navigator.clipboard) await navigator.clipboard.writeText(password);
      else {
        const range = document.createRange();
        range.selectNodeContents(codeRef.current!);
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
        if (!document.execCommand('copy')) throw new Error('copy refused');
      }
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  }

  return (
    <section aria-labelledby="one-time-password-title" className="rounded-lg border-2 border-warning-border bg-warning-soft p-5">
      <h2 id="one-time-password-title" ref={headingRef} tabIndex={-1} className="flex items-center gap-2 text-base font-semibold text-ink focus:outline-none">
        <KeyRound className="size-5 text-warning" aria-hidden="true" />
        {title}
      </h2>
      <p className="mt-2 text-ink">{instructions}</p>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <p>
          <span className="sr-only">{t('label')}：</span>
          <code ref={codeRef} className="select-all rounded-md border border-border-strong bg-surface px-3 py-2 font-mono text-lg tracking-wider text-ink">
            {password}
          </code>
        </p>
        <Button variant="secondary" onClick={copy}>
          <Copy aria-hidden="true" />
          {t('copy')}
        </Button>
        <p role="status" className="text-sm text-ink-muted">
          {copied === 'yes' ? t('copied') : copied === 'no' ? t('copyFailed') : null}
        </p>
      </div>
      <p className="mt-4 text-sm text-warning">{t('onceOnly')}</p>
      {children ? <div className="mt-4 flex flex-wrap gap-2">{children}</div> : null}
    </section>
  );
}
