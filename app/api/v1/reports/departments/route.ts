import { departmentRankingOperation } from '@/lib/api/operations/reports';

export const dynamic = 'force-dynamic';
export const GET = departmentRankingOperation.handle;
