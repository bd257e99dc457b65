import { conferenceCalendarOperation } from '@/lib/api/operations/conference-parts';

export const dynamic = 'force-dynamic';
export const GET = conferenceCalendarOperation.handle;
