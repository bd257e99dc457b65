import { listDepartmentsOperation } from '@/lib/api/operations/departments';

export const dynamic = 'force-dynamic';
export const GET = listDepartmentsOperation.handle;
