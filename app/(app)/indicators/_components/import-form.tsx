'use client';

import { useTranslations } from 'next-intl';
import { CsvImportForm } from '@/app/_components/csv-import-form';
import { maxImportBytes } from '../../admin/departments/import/limits';
import { importIndicatorsAction } from '../actions';

/** Uploads a CSV of monthly figures; a refused file lists each problem by row and column. */
export function ImportIndicatorsForm() {
  const t = useTranslations('indicators.import');
  return (
    <CsvImportForm
      action={importIndicatorsAction}
      maxBytes={maxImportBytes}
      idPrefix="indicator"
      problemsHeading="h4"
      className="space-y-4"
      done={(data) => t('done', { created: data.created, updated: data.updated, encoding: data.encoding.toUpperCase() })}
      labels={{ file: t('file'), fileHint: t('fileHint'), submit: t('submit'), importing: t('importing'), tooLarge: t('tooLarge'), problemsTitle: t('problemsTitle') }}
    />
  );
}
