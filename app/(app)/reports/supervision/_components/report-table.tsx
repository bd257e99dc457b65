import type { ReactNode } from 'react';
import { cn } from '@/app/_components/ui/cn';

export interface ReportTableColumn {
  key: string;
  header: string;
  /** Figures are right-aligned and never wrap. */
  numeric?: boolean;
}

/**
 * A plain bordered table of the printable report: a caption for screen readers, column headers
 * that repeat on each printed page, rows that are never split across pages (app/globals.css).
 */
export function ReportTable({ caption, columns, rows }: { caption: string; columns: ReportTableColumn[]; rows: { key: string | number; cells: ReactNode[] }[] }) {
  return (
    <div className="overflow-x-auto print:overflow-visible">
      <table className="w-full border-collapse text-sm print:text-[10pt]">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={cn('border border-border-strong bg-canvas px-2 py-1.5 font-medium text-ink print:border-black print:bg-white', c.numeric ? 'text-right whitespace-nowrap' : 'text-left')}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="align-top">
              {row.cells.map((cell, i) => (
                <td key={columns[i]?.key ?? i} className={cn('border border-border px-2 py-1.5 text-ink print:border-black', columns[i]?.numeric && 'text-right tabular-nums whitespace-nowrap')}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
