import { unknownPath } from '@/lib/api/unknown-path';

export const dynamic = 'force-dynamic';

// Any other address under /api/v1 answers a problem (JSON), never the app's HTML "not found" page.
export const GET = unknownPath;
export const POST = unknownPath;
export const PUT = unknownPath;
export const PATCH = unknownPath;
export const DELETE = unknownPath;
