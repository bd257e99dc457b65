import { useTranslations } from 'next-intl';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/app/_components/ui/card';
import type { ConferenceDetail } from '@/lib/data/conference-detail';
import { env } from '@/lib/env';
import { DocumentsList } from './documents-list';

type DocumentsSectionProps = {
  conferenceId: number;
  documents: ConferenceDetail['documents'];
  /** Shows the upload form and remove buttons; lib/data still decides. */
  canManage: boolean;
};

/** The conference's documents: a download list for everyone who sees the conference, upload and remove for the office. */
export function DocumentsSection({ conferenceId, documents, canManage }: DocumentsSectionProps) {
  const t = useTranslations('documents');
  const headingId = 'conference-documents-heading';
  // A level-3 section like the conference page's other parts, under the page's group headings.
  return (
    <section aria-labelledby={headingId}>
      <Card>
        <CardHeader>
          <CardTitle level={3} id={headingId} tabIndex={-1} className="focus:outline-none">
            {t('title')}
          </CardTitle>
          <CardDescription>{t('description')}</CardDescription>
        </CardHeader>
        <CardContent>
          <DocumentsList conferenceId={conferenceId} documents={documents} canManage={canManage} maxMb={env().UPLOAD_MAX_MB} headingId={headingId} />
        </CardContent>
      </Card>
    </section>
  );
}
