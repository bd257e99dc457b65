import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { forbidden } from 'next/navigation';
import { PageHeader } from '@/app/_components/ui/page-header';
import { can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import { type AuditListQuery, listAudit } from '@/lib/data/audit';
import { auditListQuery } from '@/lib/validation/audit';
import { clampPage, dayAfter, dayStart, parseListQuery, tableUrlState } from '@/lib/validation/list-query';
import { AuditTable } from './_components/audit-table';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('audit');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  const actor = await requireActor();
  if (!can(actor, 'audit.read')) forbidden();
  const t = await getTranslations('audit');
  const query = parseListQuery(auditListQuery, await searchParams);
  const filter: AuditListQuery = {
    action: query.action ? `${query.action}.` : undefined,
    q: query.q,
    from: query.from ? dayStart(query.from) : undefined,
    to: query.to ? dayAfter(query.to) : undefined,
    dir: query.dir,
    page: query.page,
    pageSize: query.pageSize,
  };
  let result = await listAudit(actor, filter);
  const lastPage = clampPage(query.page, query.pageSize, result.total);
  if (lastPage < query.page) {
    query.page = lastPage;
    result = await listAudit(actor, { ...filter, page: lastPage });
  }
  const rows = result.rows.map((r) => ({
    id: String(r.id),
    at: r.at,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    ip: r.ip,
    actorName: r.actorName,
    actorUsername: r.actorUsername,
    before: r.before ?? null,
    after: r.after ?? null,
  }));
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <AuditTable rows={rows} state={tableUrlState(auditListQuery, query, result.total)} />
    </>
  );
}
