import { listInvitationsOperation, inviteDepartmentsOperation } from '@/lib/api/operations/conference-parts';

export const dynamic = 'force-dynamic';
export const GET = listInvitationsOperation.handle;
export const POST = inviteDepartmentsOperation.handle;
