import type { Locale } from '@/lib/i18n/config';
import { formatDate } from '@/lib/i18n/format';
import { translator } from '@/lib/i18n/translator';

/** What one notification e-mail says, gathered from the notification and its task or conference. */
export interface NotificationMailInput {
  locale: Locale;
  recipientName: string;
  kind: string;
  /** The requested action's number and title (in the recipient's language), or the conference's title. */
  about: string;
  department?: string | null;
  dueDate?: string | null;
  /** The follow-up's words: a reason, an instruction, the reminder's message. */
  note?: string | null;
  /** Absolute address of the task or conference page. */
  link: string;
}

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Subject, plain text and simple HTML in the recipient's language, from the same message keys as the bell. */
export function notificationMail(input: NotificationMailInput): MailContent {
  const t = translator(input.locale);
  // The bell's own sentence for the kind, so the app and the mail say the same thing.
  const kindKey = `notifications.kinds.${input.kind}` as 'notifications.kinds.other';
  const headline = t(t.has(kindKey) ? kindKey : 'notifications.kinds.other', { subject: input.about });
  const lines = [
    input.department ? t('email.department', { department: input.department }) : null,
    input.dueDate ? t('email.dueDate', { date: formatDate(input.dueDate, input.locale) }) : null,
    input.note ? t('email.note', { note: input.note }) : null,
  ].filter((l): l is string => l !== null);
  const greeting = t('email.greeting', { name: input.recipientName });
  const open = t('email.open');
  const footer = t('email.footer');

  const text = [greeting, '', headline, ...lines, '', t('email.openText', { link: input.link }), '', '-- ', footer].join('\n');
  const paragraph = (s: string) => `<p>${escapeHtml(s).replace(/\n/g, '<br>')}</p>`;
  const html = [
    `<!doctype html><html lang="${input.locale}"><body style="font-family:sans-serif;line-height:1.5">`,
    paragraph(greeting),
    `<p><strong>${escapeHtml(headline)}</strong></p>`,
    ...lines.map(paragraph),
    `<p><a href="${escapeHtml(input.link)}">${escapeHtml(open)}</a></p>`,
    `<hr><p style="color:#555;font-size:small">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: t('email.subject', { headline }), text, html };
}
