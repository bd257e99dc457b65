/**
 * The API reference page's content, read from the OpenAPI document (not from the operations), so
 * the page shows exactly what the published document says.
 */

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export interface DocField {
  /** Dotted path: `followUps[].author.name`. */
  name: string;
  type: string;
  required: boolean;
  description?: string;
}

export interface DocParameter {
  name: string;
  in: string;
  type: string;
  required: boolean;
  description?: string;
}

export interface DocResponse {
  status: string;
  description: string;
  contentType?: string;
  /** The named schema (`Task`), when the answer is one. */
  schemaName?: string;
  fields: DocField[];
  headers: { name: string; description: string }[];
}

export interface DocOperation {
  id: string;
  method: string;
  path: string;
  summary: string;
  description?: string;
  /** False for the few operations that need no token. */
  authenticated: boolean;
  parameters: DocParameter[];
  body?: { schemaName?: string; fields: DocField[] };
  responses: DocResponse[];
}

export interface DocsModel {
  title: string;
  version: string;
  description: string;
  basePath: string;
  sections: { tag: string; description?: string; operations: DocOperation[] }[];
  /** The fields of the problem (error) answer. */
  problemFields: DocField[];
}

const methods = ['get', 'post', 'put', 'patch', 'delete'];

function refName(schema: Json): string | undefined {
  return typeof schema.$ref === 'string' ? schema.$ref.split('/').at(-1) : undefined;
}

function resolve(doc: Json, schema: unknown): Json {
  if (!isObject(schema)) return {};
  const name = refName(schema);
  if (!name) return schema;
  const components = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
  return resolve(doc, components[name]);
}

const range = (min: unknown, max: unknown, unit = '') =>
  min !== undefined && max !== undefined ? ` ${min}–${max}${unit}` : min !== undefined ? ` ≥ ${min}${unit}` : max !== undefined ? ` ≤ ${max}${unit}` : '';

/** A short, readable type: `integer 0–100`, `string (date) | null`, `one of: a, b`, `array of Task`. */
export function typeLabel(doc: Json, raw: unknown): string {
  if (!isObject(raw)) return 'any';
  const name = refName(raw);
  if (name) return name;
  if (Array.isArray(raw.anyOf) || Array.isArray(raw.oneOf)) {
    return ((raw.anyOf ?? raw.oneOf) as unknown[]).map((s) => typeLabel(doc, s)).join(' | ');
  }
  const types = Array.isArray(raw.type) ? (raw.type as string[]) : typeof raw.type === 'string' ? [raw.type] : [];
  const nullable = types.includes('null');
  const main = types.filter((t) => t !== 'null');
  let label: string;
  if (Array.isArray(raw.enum)) label = `one of: ${(raw.enum as unknown[]).filter((v) => v !== null).join(', ')}`;
  else if (raw.const !== undefined) label = `"${String(raw.const)}"`;
  else if (main[0] === 'array') label = `array of ${typeLabel(doc, raw.items)}`;
  else if (main[0] === 'string') {
    label = `string${raw.format ? ` (${raw.format})` : ''}${range(raw.minLength, raw.maxLength, ' characters')}`;
  } else if (main[0] === 'integer' || main[0] === 'number') {
    label = `${main[0]}${range(raw.minimum ?? (raw.exclusiveMinimum === 0 ? 1 : undefined), raw.maximum)}`;
  } else label = main.join(' | ') || 'any';
  return nullable ? `${label} | null` : label;
}

/** The fields of an object schema, nested objects and arrays of objects flattened with dotted names. */
export function fieldsOf(doc: Json, raw: unknown, prefix = '', depth = 0): DocField[] {
  const schema = resolve(doc, raw);
  if (depth > 4 || !isObject(schema.properties)) return [];
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return Object.entries(schema.properties).flatMap(([key, value]) => {
    const name = `${prefix}${key}`;
    const property = isObject(value) ? value : {};
    const resolved = resolve(doc, property);
    const description = typeof property.description === 'string' ? property.description : typeof resolved.description === 'string' && !refName(property) ? resolved.description : undefined;
    const field: DocField = { name, type: typeLabel(doc, property), required: required.has(key), ...(description ? { description } : {}) };
    const inner = (Array.isArray(resolved.anyOf) ? resolved.anyOf : [resolved]).map((s) => resolve(doc, s)).find((s) => isObject(s.properties) || s.type === 'array' || (Array.isArray(s.type) && s.type.includes('array')));
    if (inner && isObject(inner.properties)) return [field, ...fieldsOf(doc, inner, `${name}.`, depth + 1)];
    if (inner && isObject(inner.items)) return [field, ...fieldsOf(doc, inner.items, `${name}[].`, depth + 1)];
    return [field];
  });
}

function contentOf(content: unknown): { contentType?: string; schema?: Json } {
  if (!isObject(content)) return {};
  const [contentType, media] = Object.entries(content)[0] ?? [];
  return { contentType, schema: isObject(media) && isObject(media.schema) ? media.schema : undefined };
}

/** The reference page's model of an OpenAPI 3.1 document. */
export function docsModel(doc: Json): DocsModel {
  const info = isObject(doc.info) ? doc.info : {};
  const servers = Array.isArray(doc.servers) ? doc.servers : [];
  const basePath = isObject(servers[0]) && typeof servers[0].url === 'string' ? servers[0].url : '';
  const tags = Array.isArray(doc.tags) ? doc.tags.filter(isObject) : [];
  const globalSecurity = Array.isArray(doc.security) && doc.security.length > 0;
  const operations: (DocOperation & { tag: string })[] = [];
  for (const [path, item] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
    if (!isObject(item)) continue;
    for (const method of methods) {
      const op = item[method];
      if (!isObject(op)) continue;
      const security = Array.isArray(op.security) ? op.security : undefined;
      const parameters = (Array.isArray(op.parameters) ? op.parameters : []).filter(isObject).map((p) => ({
        name: String(p.name),
        in: String(p.in),
        type: typeLabel(doc, p.schema),
        required: p.required === true,
        ...(typeof p.description === 'string' ? { description: p.description } : {}),
      }));
      const body = isObject(op.requestBody) ? contentOf(op.requestBody.content) : undefined;
      const responses = Object.entries(isObject(op.responses) ? op.responses : {}).map(([status, response]) => {
        const r = isObject(response) ? response : {};
        const { contentType, schema } = contentOf(r.content);
        const schemaName = schema ? refName(schema) : undefined;
        return {
          status,
          description: typeof r.description === 'string' ? r.description : '',
          ...(contentType ? { contentType } : {}),
          ...(schemaName ? { schemaName } : {}),
          // Problems share one shape, described once.
          fields: schemaName === 'Problem' ? [] : fieldsOf(doc, schema),
          headers: Object.entries(isObject(r.headers) ? r.headers : {}).map(([name, h]) => ({
            name,
            description: isObject(h) && typeof h.description === 'string' ? h.description : '',
          })),
        };
      });
      operations.push({
        id: typeof op.operationId === 'string' ? op.operationId : `${method}-${path}`,
        method: method.toUpperCase(),
        path: `${basePath}${path}`,
        summary: typeof op.summary === 'string' ? op.summary : '',
        ...(typeof op.description === 'string' ? { description: op.description } : {}),
        authenticated: security ? security.length > 0 : globalSecurity,
        parameters,
        ...(body?.schema ? { body: { schemaName: refName(body.schema), fields: fieldsOf(doc, body.schema) } } : {}),
        responses,
        tag: Array.isArray(op.tags) && typeof op.tags[0] === 'string' ? op.tags[0] : '',
      });
    }
  }
  const tagNames = [...tags.map((t) => String(t.name)), ...operations.map((o) => o.tag)].filter((n, i, all) => all.indexOf(n) === i);
  return {
    title: String(info.title ?? ''),
    version: String(info.version ?? ''),
    description: String(info.description ?? ''),
    basePath,
    sections: tagNames
      .map((tag) => ({
        tag,
        description: tags.find((t) => t.name === tag)?.description as string | undefined,
        operations: operations.filter((o) => o.tag === tag).map(({ tag: _, ...o }) => o),
      }))
      .filter((s) => s.operations.length > 0),
    problemFields: fieldsOf(doc, { $ref: '#/components/schemas/Problem' }),
  };
}
