import { listActionsOperation, createActionOperation } from '@/lib/api/operations/actions';

export const dynamic = 'force-dynamic';
export const GET = listActionsOperation.handle;
export const POST = createActionOperation.handle;
