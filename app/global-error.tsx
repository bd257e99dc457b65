'use client';

import './globals.css';
import { useFailedRequest } from './_components/failed-request-id';

/*
 * Replaces the root layout when it fails, so the messages and the chosen locale may be
 * unavailable: this one page carries its text inline, in both languages side by side.
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  // Both are on the server's `request failed` log line (lib/request-error.ts).
  const { requestId, digest } = useFailedRequest(error instanceof Error && 'digest' in error ? String(error.digest) : null);
  return (
    <html lang="zh-CN">
      <body className="min-h-dvh border-t-[3px] border-t-accent">
        <title>出错了 · Something went wrong</title>
        <main className="mx-auto max-w-3xl px-4 py-16">
          <div className="grid gap-8 rounded-lg border border-border bg-surface p-8 sm:grid-cols-2">
            <section>
              <h1 className="text-xl font-semibold text-ink">系统出错了</h1>
              <p className="mt-2 text-ink-muted">请稍后重试。如果问题仍然存在，请联系系统管理员。</p>
            </section>
            <section lang="en">
              <h2 className="text-xl font-semibold text-ink">Something went wrong</h2>
              <p className="mt-2 text-ink-muted">Please try again. If it keeps happening, contact your system administrator.</p>
            </section>
          </div>
          {requestId ? (
            <p className="mt-4 font-mono text-xs text-ink-muted">
              请求编号 <span lang="en">/ Request ID</span>: {requestId}
            </p>
          ) : null}
          {digest ? (
            <p className="mt-1 font-mono text-xs text-ink-muted">
              错误编号 <span lang="en">/ Error reference</span>: {digest}
            </p>
          ) : null}
          <button
            type="button"
            onClick={() => retry()}
            className="mt-6 inline-flex h-10 items-center rounded-md bg-accent px-4 text-sm font-medium text-on-accent hover:bg-accent-hover"
          >
            重试 <span lang="en">&nbsp;/ Try again</span>
          </button>
        </main>
      </body>
    </html>
  );
}
