import { recordAttendanceOperation } from '@/lib/api/operations/conference-parts';

export const dynamic = 'force-dynamic';
export const PATCH = recordAttendanceOperation.handle;
