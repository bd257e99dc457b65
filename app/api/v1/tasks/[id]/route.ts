import { getTaskOperation } from '@/lib/api/operations/tasks';

export const dynamic = 'force-dynamic';
export const GET = getTaskOperation.handle;
