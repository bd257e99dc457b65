import { openApiDocument } from '@/lib/api/openapi';

export const dynamic = 'force-dynamic';

/** The API's OpenAPI 3.1 description, generated from the operations' zod schemas; needs no token. */
export function GET() {
  return Response.json(openApiDocument(), {
    headers: { 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' },
  });
}
