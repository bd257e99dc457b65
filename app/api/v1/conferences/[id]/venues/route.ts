import { listVenuesOperation, addVenueOperation } from '@/lib/api/operations/conference-parts';

export const dynamic = 'force-dynamic';
export const GET = listVenuesOperation.handle;
export const POST = addVenueOperation.handle;
