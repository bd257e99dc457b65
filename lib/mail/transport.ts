import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { env } from '@/lib/env';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
}

// Without these a dead server can hold a drain for minutes (nodemailer waits up to an hour
// on an idle socket); a value given in SMTP_URL's query string wins.
const timeoutDefaults = { connectionTimeout: '10000', greetingTimeout: '10000', socketTimeout: '30000' };

let cached: { url: string; transporter: Transporter } | undefined;

/** The SMTP transport for SMTP_URL, or null when e-mail is off. */
export function mailTransport(): Transporter | null {
  const { SMTP_URL } = env();
  if (!SMTP_URL) return null;
  if (cached?.url !== SMTP_URL) {
    cached?.transporter.close();
    const url = new URL(SMTP_URL);
    for (const [key, value] of Object.entries(timeoutDefaults)) {
      if (!url.searchParams.has(key)) url.searchParams.set(key, value);
    }
    cached = { url: SMTP_URL, transporter: nodemailer.createTransport(url.toString()) };
  }
  return cached.transporter;
}

export function mailEnabled(): boolean {
  return Boolean(env().SMTP_URL);
}

/** Sends one message; throws what the server or the network said. */
export async function sendMail(message: MailMessage): Promise<void> {
  const transporter = mailTransport();
  if (!transporter) throw new Error('SMTP_URL is not set');
  await transporter.sendMail({
    from: env().MAIL_FROM,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html ?? undefined,
  });
}
