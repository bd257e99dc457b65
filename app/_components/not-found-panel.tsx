import { FileSearch } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { StatusPanel } from './status-panel';

/** "Missing" and "not yours" look the same on purpose: the page gives nothing away. */
export async function NotFoundPanel() {
  const t = await getTranslations('errors.pageNotFound');
  return <StatusPanel icon={FileSearch} title={t('title')} description={t('description')} action={t('action')} />;
}
