import { getMeOperation } from '@/lib/api/operations/me';

export const dynamic = 'force-dynamic';
export const GET = getMeOperation.handle;
