import { scheduleYearOperation } from '@/lib/api/operations/conferences';

export const dynamic = 'force-dynamic';
export const POST = scheduleYearOperation.handle;
