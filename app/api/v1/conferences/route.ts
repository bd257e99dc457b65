import { listConferencesOperation, createConferenceOperation } from '@/lib/api/operations/conferences';

export const dynamic = 'force-dynamic';
export const GET = listConferencesOperation.handle;
export const POST = createConferenceOperation.handle;
