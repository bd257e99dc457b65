export const dynamic = 'force-dynamic';

/**
 * Liveness: the process answers HTTP. It touches no database, so a database outage does not get
 * the process restarted; /api/ready reports the database and its migrations.
 */
export async function GET() {
  return Response.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) }, { headers: { 'Cache-Control': 'no-store' } });
}
