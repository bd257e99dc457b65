import { listPeopleOperation, createPersonOperation } from '@/lib/api/operations/people';

export const dynamic = 'force-dynamic';
export const GET = listPeopleOperation.handle;
export const POST = createPersonOperation.handle;
