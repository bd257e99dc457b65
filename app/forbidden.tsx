import { ShieldX } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { StandalonePage } from './_components/standalone-page';
import { StatusPanel } from './_components/status-panel';

/** A whole area the user's role may not open (403). */
export default async function Forbidden() {
  const t = await getTranslations('errors.pageForbidden');
  return (
    <StandalonePage>
      <StatusPanel icon={ShieldX} title={t('title')} description={t('description')} action={t('action')} />
    </StandalonePage>
  );
}
