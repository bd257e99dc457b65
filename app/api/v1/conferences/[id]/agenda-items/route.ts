import { listAgendaItemsOperation, addAgendaItemOperation } from '@/lib/api/operations/conference-parts';

export const dynamic = 'force-dynamic';
export const GET = listAgendaItemsOperation.handle;
export const POST = addAgendaItemOperation.handle;
