import type { ConferenceAction } from '@/lib/data/actions';
import type { ConferenceDetail } from '@/lib/data/conference-detail';
import type { Locale } from '@/lib/i18n/config';
import { formatDate, formatNumber } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';
import { translator } from '@/lib/i18n/translator';
import { markdownBlocks } from '@/lib/export/docx/markdown-blocks';
import type { Block, OfficialDocumentInput } from '@/lib/export/docx/official-document';
import { numberedHeading } from '@/lib/export/numbered-heading';
import { formatClock, formatTimeRange } from '@/app/(app)/conferences/_components/time';

export interface MinutesDocumentInput {
  detail: ConferenceDetail;
  actions: ConferenceAction[];
  locale: Locale;
  now?: Date;
}

/**
 * The 会议纪要 as a Word document, with what the minutes page shows: the meeting's facts,
 * attendance, speakers, agenda, the minutes text (Markdown) and the requested actions with their
 * lead and supporting departments and due dates. Issued by the convening body.
 */
export function minutesDocument({ detail, actions, locale, now = new Date() }: MinutesDocumentInput): OfficialDocumentInput {
  const t = translator(locale);
  const { conference } = detail;
  const en = locale === 'en';
  const title = localizedName({ name: conference.title, nameEn: conference.titleEn }, locale);
  const published = conference.status === 'minutes_published';
  const minutesText = conference.minutesText?.trim() ? conference.minutesText : null;
  const colon = en ? ': ' : '：';

  const mainVenue = detail.venues.find((v) => v.venue.kind === 'main');
  const chairName = detail.chairName ? localizedName({ name: detail.chairName, nameEn: detail.chairNameEn }, locale) : null;
  const chairPosition = localizedName({ name: detail.chairPosition ?? '', nameEn: detail.chairPositionEn }, locale);
  const facts: [string, string][] = [
    [t('conferences.notice.time'), formatTimeRange(conference.startsAt, conference.endsAt, locale)],
    [t('conferences.notice.format'), t(`conferenceFormats.${conference.format}`)],
    ...(mainVenue ? ([[t('conferences.notice.mainVenue'), localizedName(mainVenue.venue, locale)]] as [string, string][]) : []),
    ...(chairName ? ([[t('conferences.notice.chair'), chairPosition ? `${chairPosition} ${chairName}` : chairName]] as [string, string][]) : []),
  ];

  const venueName = (venueId: number | null) => {
    const venue = venueId ? detail.venues.find((v) => v.venue.id === venueId) : undefined;
    return venue ? localizedName(venue.venue, locale) : '';
  };
  const sections: [heading: string, blocks: Block[]][] = [
    [
      t('conferences.minutes.attendance'),
      detail.invitations.length
        ? [
            {
              type: 'paragraph',
              content: t('conferences.minutes.attendanceSummary', { invited: formatNumber(detail.attendance.invited, locale), present: formatNumber(detail.attendance.present, locale) }),
            },
            {
              type: 'table',
              columns: [
                { header: t('conferences.minutes.department'), width: 3 },
                { header: t('conferences.minutes.attendanceColumn'), width: 1.2, align: 'center' },
                { header: t('conferences.minutes.attendeeNames'), width: 2.5 },
                { header: t('conferences.minutes.venue'), width: 2 },
              ],
              rows: detail.invitations.map(({ invitation, departmentName, departmentNameEn }) => [
                localizedName({ name: departmentName, nameEn: departmentNameEn }, locale),
                t(`conferences.minutes.attendanceStates.${invitation.attendance}`),
                invitation.attendeeNames ?? '',
                venueName(invitation.venueId),
              ]),
            },
          ]
        : [{ type: 'paragraph', content: t('conferences.minutes.attendanceNone') }],
    ],
    [
      t('conferences.minutes.speakers'),
      detail.speakers.length
        ? [
            {
              type: 'list',
              items: detail.speakers.map(({ speaker, personName, personNameEn, position, positionEn }, i) => {
                const name = localizedName({ name: personName, nameEn: personNameEn }, locale);
                const role = en && positionEn ? positionEn : position;
                const topic = en && speaker.topicEn ? speaker.topicEn : speaker.topic;
                return {
                  marker: `${i + 1}.`,
                  level: 0,
                  content: [
                    { text: `${t(`conferences.minutes.speakerRoles.${speaker.role}`)}${colon}`, bold: true },
                    { text: `${role ? `${role} ${name}` : name}${topic ? (en ? ` — ${topic}` : `，${topic}`) : ''}` },
                    ...(speaker.summary ? [{ text: speaker.summary, breakBefore: true }] : []),
                  ],
                };
              }),
            },
          ]
        : [{ type: 'paragraph', content: t('conferences.minutes.speakersNone') }],
    ],
    [
      t('conferences.minutes.agenda'),
      detail.agenda.length
        ? [
            {
              type: 'list',
              items: detail.agenda.map((item, i) => ({
                marker: `${i + 1}.`,
                level: 0,
                content: [
                  { text: `${t('conferences.notice.timeRange', { start: formatClock(item.startsAt), end: formatClock(item.endsAt) })}  ` },
                  { text: localizedName({ name: item.title, nameEn: item.titleEn }, locale) },
                ],
              })),
            },
          ]
        : [{ type: 'paragraph', content: t('conferences.minutes.agendaNone') }],
    ],
    [
      t('conferences.minutes.text'),
      minutesText ? markdownBlocks(minutesText, { headingLevel: 2 }) : [{ type: 'paragraph', content: t('conferences.minutes.notPublished') }],
    ],
    [t('conferences.minutes.requestedActions'), actionBlocks(actions, locale)],
  ];

  return {
    locale,
    title: t('conferences.minutes.title', { title }),
    subtitle: published ? undefined : t('conferences.minutes.draftBadge'),
    issuer: (en ? conference.convenedByEn || conference.convenedBy : conference.convenedBy) || t('conferences.defaultConvenedBy'),
    date: published && conference.minutesPublishedAt ? conference.minutesPublishedAt : now,
    blocks: [{ type: 'facts', rows: facts }, ...sections.flatMap(([heading, blocks], i): Block[] => [{ type: 'heading', level: 1, text: numberedHeading(i, heading, locale) }, ...blocks])],
  };
}

/** The 部署要求 as the minutes page lists them: withdrawn assignments left out, lead before supporting. */
function actionBlocks(actions: ConferenceAction[], locale: Locale): Block[] {
  const t = translator(locale);
  if (!actions.length) return [{ type: 'paragraph', content: t('requestedActions.list.none') }];
  const separator = locale === 'en' ? '; ' : '；';
  const departmentsOf = (tasks: ConferenceAction['tasks']) =>
    tasks
      .map((task) => t('requestedActions.list.departmentDue', { department: localizedName({ name: task.departmentName, nameEn: task.departmentNameEn }, locale), date: formatDate(task.dueDate, locale) }))
      .join(separator);
  return actions.flatMap((action): Block[] => {
    const current = action.tasks.filter((task) => !task.withdrawn);
    const lead = current.filter((task) => task.role === 'lead');
    const support = current.filter((task) => task.role === 'support');
    const requester = action.requestedByName ? localizedName({ name: action.requestedByName, nameEn: action.requestedByNameEn }, locale) : null;
    const position = locale === 'en' && action.requestedByPositionEn ? action.requestedByPositionEn : action.requestedByPosition;
    const facts: [string, string][] = [
      ...(requester ? ([[t('requestedActions.list.requestedBy'), position ? `${position} ${requester}` : requester]] as [string, string][]) : []),
      [t('requestedActions.list.lead'), lead.length ? departmentsOf(lead) : t('requestedActions.list.noneAssigned')],
      ...(support.length ? ([[t('requestedActions.list.support'), departmentsOf(support)]] as [string, string][]) : []),
    ];
    return [
      { type: 'heading', level: 2, text: `${action.number} ${localizedName({ name: action.title, nameEn: action.titleEn }, locale)}` },
      ...(action.details ? ([{ type: 'paragraph', content: action.details }] as Block[]) : []),
      { type: 'facts', rows: facts },
    ];
  });
}
