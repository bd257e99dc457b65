import { checkReadiness } from '@/lib/data/health';

export const dynamic = 'force-dynamic';

/** Readiness: 200 when the database answers and has every migration of this code, else 503 saying what is wrong. */
export async function GET() {
  const { ready, database, migrations } = await checkReadiness();
  return Response.json(
    { status: ready ? 'ready' : 'not_ready', database, migrations },
    { status: ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
