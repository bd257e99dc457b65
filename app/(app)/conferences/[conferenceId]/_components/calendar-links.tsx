import { CalendarPlus } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { buttonClasses } from '@/app/_components/ui/button';

/** Downloads the conference as an .ics file for Outlook, a phone's calendar and the like. */
export function CalendarLinks({ conferenceId }: { conferenceId: number }) {
  const t = useTranslations('calendar');
  return (
    <a href={`/api/conferences/${conferenceId}/calendar.ics`} className={buttonClasses('secondary', 'sm')}>
      <CalendarPlus aria-hidden="true" />
      {t('addToCalendar')}
    </a>
  );
}
