import 'server-only';
import { after } from 'next/server';
import { and, eq, inArray, isNotNull, isNull, lt, lte, ne, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { getDb } from '@/db/runtime';
import { conferences, departments, emailOutbox, followUps, notifications, requestedActions, tasks, users } from '@/db/schema';
import { appBaseUrl } from '@/lib/env';
import { defaultLocale } from '@/lib/i18n/config';
import { localizedName } from '@/lib/i18n/localized';
import { errorFields, logger } from '@/lib/log';
import { notificationMail } from '@/lib/mail/notification-mail';
import { mailEnabled, sendMail } from '@/lib/mail/transport';
// notifications.ts calls back into this file; both sides use the other only inside functions.
import { notificationHref } from './notifications';

/** A mail that failed this many times stays in the outbox with its last error and is not tried again. */
export const maxAttempts = 8;
/** A claimed mail is due again after this long if its drain died before recording the outcome. */
const claimLeaseMs = 10 * 60_000;

/** 1, 2, 4 … 128 minutes after attempts 1 … 8: about four hours of retries in all. */
export function retryDelayMs(attempts: number): number {
  return 60_000 * 2 ** Math.max(0, attempts - 1);
}

/**
 * Queues one e-mail per notification whose recipient has an address, in the caller's
 * transaction, so a notification and its mail exist together or not at all. No-op
 * without SMTP_URL.
 */
export async function enqueueNotificationEmails(tx: Tx, notificationIds: number[]): Promise<number> {
  if (!notificationIds.length || !mailEnabled()) return 0;
  const rows = await tx
    .select({
      id: notifications.id,
      kind: notifications.kind,
      taskId: notifications.taskId,
      conferenceId: notifications.conferenceId,
      email: users.email,
      locale: users.locale,
      recipientName: users.displayName,
      actionNumber: requestedActions.number,
      actionTitle: requestedActions.title,
      actionTitleEn: requestedActions.titleEn,
      departmentName: departments.name,
      departmentNameEn: departments.nameEn,
      dueDate: tasks.dueDate,
      note: followUps.body,
      conferenceTitle: conferences.title,
      conferenceTitleEn: conferences.titleEn,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .leftJoin(tasks, eq(tasks.id, notifications.taskId))
    .leftJoin(requestedActions, eq(requestedActions.id, tasks.actionId))
    .leftJoin(departments, eq(departments.id, tasks.departmentId))
    .leftJoin(followUps, eq(followUps.id, notifications.followUpId))
    .leftJoin(conferences, eq(conferences.id, notifications.conferenceId))
    .where(and(inArray(notifications.id, notificationIds), isNotNull(users.email), ne(users.email, '')));
  const base = appBaseUrl();
  const mails = rows.flatMap((row) => {
    const locale = row.locale ?? defaultLocale;
    const onTask = row.taskId !== null && row.actionNumber !== null;
    if (!onTask && row.conferenceId === null) return [];
    const content = notificationMail({
      locale,
      recipientName: row.recipientName,
      kind: row.kind,
      about: onTask
        ? `${row.actionNumber} ${localizedName({ name: row.actionTitle!, nameEn: row.actionTitleEn }, locale)}`
        : localizedName({ name: row.conferenceTitle!, nameEn: row.conferenceTitleEn }, locale),
      department: onTask ? localizedName({ name: row.departmentName!, nameEn: row.departmentNameEn }, locale) : null,
      dueDate: row.dueDate,
      note: row.note,
      link: `${base}${notificationHref(row)}`,
    });
    return [{ notificationId: row.id, toAddress: row.email!, subject: content.subject, textBody: content.text, htmlBody: content.html }];
  });
  if (mails.length) await tx.insert(emailOutbox).values(mails);
  return mails.length;
}

export interface DrainResult {
  sent: number;
  failed: number;
  /** Failures that used up the last attempt. */
  gaveUp: number;
}

// The server, not the message, failed: the rest of the batch would fail the same way.
const serverErrorCodes = new Set(['ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'EDNS', 'EAUTH', 'ECONNREFUSED']);

/**
 * Sends what is due in the outbox. Rows are claimed with FOR UPDATE SKIP LOCKED and leased,
 * so drains on several instances at once never send one mail twice. A failure is logged and
 * retried later with backoff; nothing is thrown to the caller.
 */
export async function drainOutbox(options: { limit?: number; now?: Date } = {}): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, failed: 0, gaveUp: 0 };
  if (!mailEnabled()) return result;
  const now = options.now ?? new Date();
  try {
    const db = await getDb();
    const due = db
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(and(isNull(emailOutbox.sentAt), lte(emailOutbox.nextAttemptAt, now), lt(emailOutbox.attempts, maxAttempts)))
      .orderBy(emailOutbox.nextAttemptAt, emailOutbox.id)
      .limit(options.limit ?? 50)
      .for('update', { skipLocked: true });
    const claimed = await db
      .update(emailOutbox)
      .set({ attempts: sql`${emailOutbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + claimLeaseMs) })
      .where(inArray(emailOutbox.id, due))
      .returning();
    claimed.sort((a, b) => a.id - b.id);
    const started = Date.now();
    // The untried rest goes back without an attempt counted against it.
    const handBack = async (index: number) => {
      const rest = claimed.slice(index).map((r) => r.id);
      if (rest.length) {
        await db
          .update(emailOutbox)
          .set({ attempts: sql`${emailOutbox.attempts} - 1`, nextAttemptAt: new Date(now.getTime() + retryDelayMs(1)) })
          .where(inArray(emailOutbox.id, rest));
      }
    };
    for (const [index, row] of claimed.entries()) {
      // A slow server must not outlast the lease: another drain would then claim and send these too.
      if (Date.now() - started > claimLeaseMs / 2) {
        await handBack(index);
        break;
      }
      try {
        await sendMail({ to: row.toAddress, subject: row.subject, text: row.textBody, html: row.htmlBody });
        await db.update(emailOutbox).set({ sentAt: new Date() }).where(eq(emailOutbox.id, row.id));
        if (row.notificationId) await db.update(notifications).set({ emailedAt: new Date() }).where(eq(notifications.id, row.notificationId));
        result.sent += 1;
      } catch (error) {
        const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
        const last = row.attempts >= maxAttempts;
        result.failed += 1;
        if (last) result.gaveUp += 1;
        // The row id, not the address: the outbox holds it, and logs travel further than the database.
        logger.warn('e-mail failed', { emailId: row.id, attempt: row.attempts, maxAttempts, givingUp: last, error: message });
        await db
          .update(emailOutbox)
          .set({ lastError: message, nextAttemptAt: new Date(now.getTime() + retryDelayMs(row.attempts)) })
          .where(eq(emailOutbox.id, row.id));
        const code = (error as { code?: unknown }).code;
        if (typeof code === 'string' && serverErrorCodes.has(code)) {
          await handBack(index + 1);
          break;
        }
      }
    }
  } catch (error) {
    logger.error('draining the e-mail outbox failed', errorFields(error));
  }
  return result;
}

/**
 * For server actions and route handlers: drains once the response has gone, so a user's
 * action never waits on SMTP (the follow-up action calls it after posting).
 */
export function drainOutboxSoon(): void {
  if (!mailEnabled()) return;
  try {
    after(() => drainOutbox({ limit: 20 }).then(() => undefined));
  } catch {
    // Outside a request (a script): run in the background instead.
    void drainOutbox({ limit: 20 });
  }
}
