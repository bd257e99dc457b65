'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { CsvImportForm } from '@/app/_components/csv-import-form';
import { Button } from '@/app/_components/ui/button';
import { importDepartmentsAction } from './actions';
import { maxImportBytes } from './limits';

export function ImportForm() {
  const t = useTranslations('adminDepartments.import');
  return (
    <CsvImportForm
      action={importDepartmentsAction}
      maxBytes={maxImportBytes}
      idPrefix="departments"
      done={(data) => t('done', { count: data.created, encoding: data.encoding.toUpperCase() })}
      labels={{ file: t('file'), fileHint: t('fileHint'), submit: t('submit'), importing: t('importing'), tooLarge: t('tooLarge'), problemsTitle: t('problemsTitle') }}
      actions={
        <Button asChild variant="ghost">
          <Link href="/admin/departments">{t('backToList')}</Link>
        </Button>
      }
    />
  );
}
