import { getDbHandle } from '../db/runtime';
import { runRemindersAndSend } from '../lib/data/reminders';
import { mailEnabled } from '../lib/mail/transport';
import { runCli } from './cli';

// Sends today's reminders (due soon, overdue, not acknowledged) and drains the e-mail outbox.
// Exit code 1 when a reminder run or any e-mail failed (failed mail is retried on the next run).
runCli(async () => {
  const handle = await getDbHandle();
  try {
    const result = await runRemindersAndSend();
    const { emails } = result;
    console.log(`Reminders for ${result.day}: ${result.candidates} due, ${result.notices} new notices, ${emails.queued} e-mails queued.`);
    console.log(
      mailEnabled()
        ? `E-mail: ${emails.sent} sent, ${emails.failed} failed${emails.gaveUp ? ` (${emails.gaveUp} given up after the last attempt)` : ''}.`
        : 'E-mail: off (SMTP_URL is not set).',
    );
    if (emails.failed) process.exitCode = 1;
  } finally {
    await handle.close();
  }
});
