import { getConferenceOperation, patchConferenceOperation } from '@/lib/api/operations/conferences';

export const dynamic = 'force-dynamic';
export const GET = getConferenceOperation.handle;
export const PATCH = patchConferenceOperation.handle;
