import { getLocale, getTranslations } from 'next-intl/server';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { requireActor } from '@/lib/auth/session';
import { getActiveCalendarFeed } from '@/lib/data/calendar';
import type { Locale } from '@/lib/i18n/config';
import { formatDate } from '@/lib/i18n/format';
import { CalendarFeedControls } from './calendar-feed-controls';

/** The profile's calendar subscription: whether one is active, and buttons to create, replace or stop it. */
export async function CalendarFeed() {
  const actor = await requireActor();
  const [t, locale, feed] = await Promise.all([getTranslations('calendar.feed'), getLocale(), getActiveCalendarFeed(actor)]);
  return (
    <Card role="region" aria-labelledby="calendar-feed-heading">
      <CardHeader>
        <CardTitle id="calendar-feed-heading">{t('title')}</CardTitle>
        <CardDescription>{t('description')}</CardDescription>
      </CardHeader>
      <CardContent className="py-5">
        <CalendarFeedControls activeSince={feed ? formatDate(feed.createdAt, locale as Locale) : null} />
      </CardContent>
    </Card>
  );
}
