import 'server-only';
import crypto from 'node:crypto';
import { getDb } from '@/db/runtime';
import { departments } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { decodeCsv, parseCsv } from '@/lib/domain/csv';
import { AppError } from '@/lib/errors';
import { departmentCodeSchema, departmentCsvColumns, departmentKindAliases } from '@/lib/validation/departments';
import { writeAudit } from './audit';
import { assertCan } from './guard';

/** One problem in an uploaded file: 1-based row (the header is row 1) and the column's header. */
export interface ImportRowError {
  row: number;
  column: string;
  key: string;
  values?: Record<string, string | number>;
}

export class CsvImportError extends AppError {
  constructor(public readonly rowErrors: ImportRowError[]) {
    super('validation', 'csvInvalid', `${rowErrors.length} problem(s) in the file`, { rowErrors });
  }
}

type Column = keyof typeof departmentCsvColumns;
const maxRows = 2_000;

function headerMap(header: string[], errors: ImportRowError[]): Partial<Record<Column, number>> {
  const map: Partial<Record<Column, number>> = {};
  header.forEach((cell, index) => {
    const name = cell.trim().toLowerCase();
    const column = (Object.keys(departmentCsvColumns) as Column[]).find((c) =>
      (departmentCsvColumns[c] as readonly string[]).includes(name),
    );
    if (!column) errors.push({ row: 1, column: cell, key: 'unknownColumn' });
    else map[column] = index;
  });
  for (const required of ['name', 'kind'] as const) {
    if (map[required] === undefined) errors.push({ row: 1, column: departmentCsvColumns[required][0], key: 'missingColumn' });
  }
  return map;
}

/**
 * Imports departments from CSV (UTF-8 or GBK): all rows or none. A parent names an existing
 * department or a row above it, by name or code.
 */
export async function importDepartments(actor: Actor, bytes: Uint8Array): Promise<{ created: number; encoding: string }> {
  assertCan(actor, 'department.manage');
  const { text, encoding } = decodeCsv(bytes);
  const rows = parseCsv(text);
  const errors: ImportRowError[] = [];
  if (rows.length < 2) throw new CsvImportError([{ row: 1, column: '', key: 'csvEmpty' }]);
  if (rows.length > maxRows + 1) throw new CsvImportError([{ row: maxRows + 2, column: '', key: 'csvTooManyRows', values: { max: maxRows } }]);
  const [header, ...body] = rows as [string[], ...string[][]];
  const map = headerMap(header, errors);
  if (errors.length) throw new CsvImportError(errors);

  const db = await getDb();
  const existing = await db.select({ id: departments.id, code: departments.code, name: departments.name }).from(departments);
  const known = new Map<string, string>(); // name or code → code
  for (const d of existing) {
    known.set(d.name, d.code);
    known.set(d.code, d.code);
  }
  const cell = (r: string[], c: Column) => (map[c] === undefined ? '' : (r[map[c]!] ?? '').trim());
  const headerOf = (c: Column) => header[map[c]!] ?? departmentCsvColumns[c][0];

  const planned: { code: string; name: string; shortName: string | null; kind: (typeof departments.kind.enumValues)[number]; parentCode: string | null }[] = [];
  body.forEach((r, i) => {
    const row = i + 2;
    const name = cell(r, 'name');
    const kindText = cell(r, 'kind');
    const kind = departmentKindAliases[kindText.toLowerCase()] ?? departmentKindAliases[kindText];
    const shortName = cell(r, 'shortName');
    const parent = cell(r, 'parent');
    const codeText = cell(r, 'code');
    if (!name) errors.push({ row, column: headerOf('name'), key: 'required' });
    else if (name.length > 80) errors.push({ row, column: headerOf('name'), key: 'tooLong', values: { max: 80 } });
    else if (known.has(name)) errors.push({ row, column: headerOf('name'), key: 'duplicateName' });
    if (shortName.length > 40) errors.push({ row, column: headerOf('shortName'), key: 'tooLong', values: { max: 40 } });
    if (!kind) errors.push({ row, column: headerOf('kind'), key: 'unknownKind' });
    if (parent && !known.has(parent)) errors.push({ row, column: headerOf('parent'), key: 'unknownParent' });
    let code = `d-${crypto.createHash('sha256').update(name).digest('hex').slice(0, 10)}`;
    if (codeText) {
      const parsed = departmentCodeSchema.safeParse(codeText);
      if (!parsed.success) errors.push({ row, column: headerOf('code'), key: 'codeFormat' });
      else if (known.has(parsed.data)) errors.push({ row, column: headerOf('code'), key: 'codeTaken' });
      else code = parsed.data;
    }
    if (name && kind) {
      known.set(name, code);
      known.set(code, code);
      planned.push({ code, name, shortName: shortName || null, kind, parentCode: parent ? known.get(parent)! : null });
    }
  });
  if (errors.length) throw new CsvImportError(errors);

  return db.transaction(async (tx) => {
    const ids = new Map(existing.map((d) => [d.code, d.id]));
    let sortOrder = Math.max(0, ...(await tx.select({ s: departments.sortOrder }).from(departments)).map((d) => d.s));
    for (const p of planned) {
      sortOrder += 10;
      const [row] = await tx
        .insert(departments)
        .values({ code: p.code, name: p.name, shortName: p.shortName, kind: p.kind, parentId: p.parentCode ? ids.get(p.parentCode)! : null, sortOrder })
        .returning({ id: departments.id });
      ids.set(p.code, row!.id);
    }
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'department.import',
      entityType: 'department',
      after: { created: planned.length, encoding, names: planned.map((p) => p.name) },
    });
    return { created: planned.length, encoding };
  });
}
