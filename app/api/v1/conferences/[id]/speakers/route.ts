import { listSpeakersOperation, addSpeakerOperation } from '@/lib/api/operations/conference-parts';

export const dynamic = 'force-dynamic';
export const GET = listSpeakersOperation.handle;
export const POST = addSpeakerOperation.handle;
