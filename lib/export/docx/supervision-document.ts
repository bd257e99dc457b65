import type { SupervisionReport } from '@/lib/data/supervision-report';
import type { Locale } from '@/lib/i18n/config';
import { numberedHeading } from '@/lib/export/numbered-heading';
import { supervisionReportText } from '@/lib/export/supervision-report-text';
import type { Block, OfficialDocumentInput } from './official-document';

/** The supervision report as an official document: title, period, issuing office and date, then four sections. */
export function supervisionDocument(report: SupervisionReport, locale: Locale, now: Date = new Date()): OfficialDocumentInput {
  const text = supervisionReportText(report, locale);
  const note = (line: string | null): Block[] => (line ? [{ type: 'note', text: line }] : []);
  const sections: [string, Block[]][] = [
    [text.sections.summary, [{ type: 'paragraph', content: text.summary }]],
    [
      text.sections.ranking,
      [
        { type: 'paragraph', content: text.ranking.intro },
        ...(text.ranking.rows.length
          ? ([
              {
                type: 'table',
                columns: text.ranking.columns.map((c) => ({ header: c.header, width: c.key === 'department' ? 3.2 : c.key === 'onTimeRate' ? 1.4 : 1, align: c.key === 'department' ? 'left' : 'center' })),
                rows: text.ranking.rows.map((r) => r.cells),
              },
            ] as Block[])
          : []),
      ],
    ],
    [
      text.sections.overdue,
      [
        { type: 'paragraph', content: text.overdue.intro },
        ...(text.overdue.rows.length
          ? ([
              {
                type: 'table',
                columns: text.overdue.columns.map((c) => ({
                  header: c.header,
                  width: c.key === 'title' ? 3.5 : c.key === 'department' ? 2.2 : c.key === 'number' ? 1.5 : 1.3,
                  align: c.key === 'title' || c.key === 'department' ? 'left' : 'center',
                })),
                rows: text.overdue.rows.map((r) => r.cells),
              },
            ] as Block[])
          : []),
        ...note(text.overdue.truncated),
      ],
    ],
    [
      text.sections.returned,
      [
        ...(text.returned.intro ? ([{ type: 'paragraph', content: text.returned.intro }] as Block[]) : []),
        ...(text.returned.rows.length
          ? ([
              {
                type: 'table',
                columns: text.returned.columns.map((c) => ({ header: c.header, width: c.key === 'task' ? 3.2 : c.key === 'reason' ? 3 : c.key === 'department' ? 2 : 1.6 })),
                rows: text.returned.rows.map((r) => r.cells),
              },
            ] as Block[])
          : []),
        ...note(text.returned.truncated),
      ],
    ],
  ];
  return {
    locale,
    title: text.title,
    subtitle: text.periodLine,
    issuer: text.issuer,
    date: now,
    blocks: sections.flatMap(([heading, blocks], i): Block[] => [{ type: 'heading', level: 1, text: numberedHeading(i, heading, locale) }, ...blocks]),
  };
}
