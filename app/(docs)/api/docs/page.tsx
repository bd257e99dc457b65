import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Landmark } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { markdownClasses } from '@/app/(app)/conferences/_components/paper';
import { LocaleSwitch } from '@/app/_components/locale-switch';
import { cn } from '@/app/_components/ui/cn';
import { type DocField, type DocOperation, docsModel } from '@/lib/api/docs';
import { openApiDocument } from '@/lib/api/openapi';
import { problemCodes, problemStatus, problemType } from '@/lib/api/problem';
import { renderMarkdown } from '@/lib/domain/markdown';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('api.docs');
  return { title: t('title') };
}

/**
 * Text from the OpenAPI document (Markdown), sanitized by renderMarkdown. `short`: one line in a
 * table or a list, without the paragraph margins of longer text.
 */
function Markdown({ text, short = false, className }: { text: string; short?: boolean; className?: string }) {
  return (
    <div
      className={cn(short ? 'text-ink [&_code]:font-mono [&_code]:text-sm [&_p]:m-0' : markdownClasses, '[&_code]:rounded [&_code]:bg-canvas [&_code]:px-1', className)}
      // renderMarkdown sanitizes: no scripts, handlers, styles, frames or images.
      dangerouslySetInnerHTML={{ __html: renderMarkdown(text) }}
    />
  );
}

const anchorOf = (op: DocOperation) => `op-${op.id}`;

type DocsTranslator = Awaited<ReturnType<typeof getTranslations<'api.docs'>>>;
/** Summaries and tag texts in the reader's language; openapi.json keeps its English ones (a contract). */
const summaryOf = (t: DocsTranslator, op: DocOperation) => t(`operations.${op.id}` as 'operations.getMe');
const tagName = (t: DocsTranslator, tag: string) => t(`tags.${tag}` as 'tags.Me');
const tagDescription = (t: DocsTranslator, tag: string) => t(`tagDescriptions.${tag}` as 'tagDescriptions.Me');
const tableClasses = 'w-full border-collapse text-sm [&_td]:border-t [&_td]:border-border [&_td]:px-2 [&_td]:py-1.5 [&_td]:align-top [&_th]:px-2 [&_th]:py-1.5 [&_th]:whitespace-nowrap [&_th]:text-left [&_th]:font-medium [&_th]:text-ink-muted';

function DocTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: { key: string; cells: ReactNode[] }[] }) {
  return (
    <div className="overflow-x-auto">
      <table className={tableClasses}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, i) => (
                <td key={columns[i]}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const nameCell = (name: string) => <code className="font-mono">{name}</code>;
const typeCell = (type: string) => <span className="font-mono text-xs">{type}</span>;
const wordCell = (word: string) => <span className="whitespace-nowrap">{word}</span>;
const descriptionCell = (text?: string) => (text ? <Markdown text={text} short /> : null);

async function FieldTable({ fields, caption }: { fields: DocField[]; caption: string }) {
  const t = await getTranslations('api.docs');
  return (
    <DocTable
      caption={caption}
      columns={[t('columns.field'), t('columns.type'), t('columns.required'), t('columns.description')]}
      rows={fields.map((f) => ({ key: f.name, cells: [nameCell(f.name), typeCell(f.type), wordCell(f.required ? t('yes') : t('no')), descriptionCell(f.description)] }))}
    />
  );
}

async function OperationSection({ op }: { op: DocOperation }) {
  const t = await getTranslations('api.docs');
  const title = `${op.method} ${op.path}`;
  return (
    <section aria-labelledby={anchorOf(op)} className="rounded-lg border border-border bg-surface p-5">
      <h3 id={anchorOf(op)} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-base font-semibold text-ink">
        <code className="rounded bg-accent px-2 py-0.5 font-mono text-sm text-on-accent">{op.method}</code>
        <code className="font-mono">{op.path}</code>
        <span className="font-normal text-ink-muted">{summaryOf(t, op)}</span>
      </h3>
      <p className="mt-2 text-sm text-ink-muted">
        <code className="font-mono">{op.id}</code> · {op.authenticated ? t('tokenNeeded') : t('noToken')}
      </p>
      {op.description ? <Markdown text={op.description} className="mt-2 max-w-prose" /> : null}

      {op.parameters.length ? (
        <>
          <h4 className="mt-4 font-semibold text-ink">{t('parameters')}</h4>
          <DocTable
            caption={`${t('parameters')}: ${title}`}
            columns={[t('columns.name'), t('columns.in'), t('columns.type'), t('columns.required'), t('columns.description')]}
            rows={op.parameters.map((p) => ({
              key: `${p.in}-${p.name}`,
              cells: [
                nameCell(p.name),
                wordCell(t.has(`in.${p.in}` as never) ? t(`in.${p.in}` as never) : p.in),
                typeCell(p.type),
                wordCell(p.required ? t('yes') : t('no')),
                descriptionCell(p.description),
              ],
            }))}
          />
        </>
      ) : null}

      {op.body ? (
        <>
          <h4 className="mt-4 font-semibold text-ink">
            {t('requestBody')}
            {op.body.schemaName ? <span className="ml-2 font-normal text-ink-muted">{t('schema', { name: op.body.schemaName })}</span> : null}
          </h4>
          <p className="text-sm text-ink-muted">
            <code className="font-mono">application/json</code>
          </p>
          <FieldTable fields={op.body.fields} caption={`${t('requestBody')}: ${title}`} />
        </>
      ) : null}

      <h4 className="mt-4 font-semibold text-ink">{t('responses')}</h4>
      <dl className="mt-2 space-y-4">
        {op.responses.map((r) => (
          <div key={r.status}>
            <dt className="flex flex-wrap items-baseline gap-2">
              <code className="rounded border border-border px-1.5 font-mono text-sm font-semibold text-ink">{r.status}</code>
              <Markdown text={r.description} short className="text-sm" />
            </dt>
            <dd className="mt-1 space-y-2 pl-2">
              {r.contentType ? (
                <p className="text-sm text-ink-muted">
                  <code className="font-mono">{r.contentType}</code>
                  {r.schemaName === 'Problem' ? (
                    <>
                      {' · '}
                      <a href="#errors" className="text-accent underline">
                        {t('seeErrors')}
                      </a>
                    </>
                  ) : r.schemaName ? (
                    ` · ${t('schema', { name: r.schemaName })}`
                  ) : null}
                </p>
              ) : null}
              {r.headers.length ? (
                <ul className="text-sm text-ink">
                  {r.headers.map((h) => (
                    <li key={h.name}>
                      <code className="font-mono">{h.name}</code>: <Markdown text={h.description} short className="inline-block" />
                    </li>
                  ))}
                </ul>
              ) : null}
              {r.fields.length ? <FieldTable fields={r.fields} caption={`${t('status', { status: r.status })}: ${title}`} /> : null}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/**
 * The API reference: the OpenAPI document rendered on the server, readable without signing in
 * and without any script or external resource.
 */
export default async function ApiDocsPage() {
  const [t, tApp, tTitles] = await Promise.all([getTranslations('api.docs'), getTranslations('app'), getTranslations('api.problemTitles')]);
  const model = docsModel(openApiDocument() as unknown as Record<string, unknown>);
  return (
    <div className="flex min-h-dvh flex-col border-t-[3px] border-t-accent bg-canvas">
      <header className="flex items-center justify-between gap-2.5 px-4 py-4 sm:px-6">
        <span className="flex items-center gap-2.5">
          <span className="flex size-8 items-center justify-center rounded-md bg-accent text-on-accent">
            <Landmark className="size-[1.125rem]" aria-hidden="true" />
          </span>
          <span className="font-semibold text-ink">{tApp('name')}</span>
        </span>
        <LocaleSwitch />
      </header>
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 pb-16 sm:px-6">
        <h1 className="text-xl font-semibold text-ink sm:text-2xl">
          {t('title')} · {model.title} {model.version}
        </h1>
        <p className="mt-1 text-ink-muted">{t('description', { version: model.version })}</p>
        <p className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <a href="/api/v1/openapi.json" className="text-accent underline">
            {t('document')} (openapi.json)
          </a>
          <a href="/profile" className="text-accent underline">
            {t('profileLink')}
          </a>
        </p>

        <nav aria-labelledby="contents-heading" className="mt-6 rounded-lg border border-border bg-surface p-5">
          <h2 id="contents-heading" className="font-semibold text-ink">
            {t('contents')}
          </h2>
          <ul className="mt-2 space-y-1 text-sm">
            <li>
              <a href="#overview" className="text-accent underline">
                {t('overview')}
              </a>
            </li>
            <li>
              <a href="#errors" className="text-accent underline">
                {t('errorsTitle')}
              </a>
            </li>
            {model.sections.map((section) => (
              <li key={section.tag}>
                <a href={`#tag-${section.tag}`} className="text-accent underline">
                  {t('operationsOf', { tag: tagName(t, section.tag) })}
                </a>
                <ul className="mt-1 space-y-1 pl-4">
                  {section.operations.map((op) => (
                    <li key={op.id}>
                      <a href={`#${anchorOf(op)}`} className="text-accent underline">
                        <code className="font-mono">
                          {op.method} {op.path}
                        </code>
                      </a>{' '}
                      <span className="text-ink-muted">{summaryOf(t, op)}</span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </nav>

        <section aria-labelledby="overview" className="mt-8">
          <h2 id="overview" className="text-lg font-semibold text-ink">
            {t('overview')}
          </h2>
          <p className="mt-2 text-sm text-ink">
            {t('baseUrl')}: <code className="rounded bg-surface px-1 font-mono">{model.basePath}</code>
          </p>
          <p className="mt-1 text-sm text-ink">{t('tokenHint')}</p>
          <Markdown text={model.description} className="mt-3 max-w-prose" />
        </section>

        <section aria-labelledby="errors" className="mt-8">
          <h2 id="errors" className="text-lg font-semibold text-ink">
            {t('errorsTitle')}
          </h2>
          <p className="mt-2 max-w-prose text-sm text-ink">{t('errorsIntro')}</p>
          <div className="mt-3 rounded-lg border border-border bg-surface p-5">
            <FieldTable fields={model.problemFields} caption={t('errorsTitle')} />
            <h3 className="mt-4 font-semibold text-ink">{t('problemKinds')}</h3>
            <dl className="mt-2 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
              {problemCodes.map((code) => (
                <div key={code} className="contents">
                  <dt id={problemType(code).split('#')[1]}>
                    <code className="font-mono">
                      {problemStatus[code]} {problemType(code)}
                    </code>
                  </dt>
                  <dd>{tTitles(code)}</dd>
                </div>
              ))}
            </dl>
          </div>
        </section>

        {model.sections.map((section) => (
          <section key={section.tag} aria-labelledby={`tag-${section.tag}`} className="mt-8">
            <h2 id={`tag-${section.tag}`} className="text-lg font-semibold text-ink">
              {t('operationsOf', { tag: tagName(t, section.tag) })}
            </h2>
            {section.description ? <p className="mt-1 text-sm text-ink-muted">{tagDescription(t, section.tag)}</p> : null}
            <div className="mt-3 space-y-6">
              {section.operations.map((op) => (
                <OperationSection key={op.id} op={op} />
              ))}
            </div>
          </section>
        ))}
      </main>
    </div>
  );
}
