import { postFollowUpOperation } from '@/lib/api/operations/tasks';

export const dynamic = 'force-dynamic';
export const POST = postFollowUpOperation.handle;
