import { listTasksOperation } from '@/lib/api/operations/tasks';

export const dynamic = 'force-dynamic';
export const GET = listTasksOperation.handle;
