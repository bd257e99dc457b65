import { type ZodOpenAPIMetadata, extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

// `.openapi()` (component names, descriptions, examples, parameter descriptions) on zod schemas.
// Zod copies methods onto each schema when it is made, so only schemas made after this line have
// it: API schema modules import `z` from here, which runs it first. A schema made elsewhere
// (lib/validation) may predate it: describe those with `described()` instead.
extendZodWithOpenApi(z);

/** OpenAPI metadata for any schema, however old (zod's own `.meta()`, which the generator reads too). */
export function described<S extends z.ZodType>(schema: S, metadata: Partial<ZodOpenAPIMetadata<z.input<S>>>): S {
  return schema.meta(metadata as z.GlobalMeta) as S;
}

export { z };
