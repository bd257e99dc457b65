import type { Browser, Page } from '@playwright/test';
import { type DemoUser, displayNameOf, expect, expectAccessible, storageStateOf, test } from './fixtures';

// Journeys 4 and 5 end to end, once per language, on a task this spec assigns itself: the
// secretary, the Zhongshan district's head and the mayor each in their own browser.

type Lang = 'zh-CN' | 'en';
type Kind = 'acknowledge' | 'progress' | 'extension_request' | 'extension_approved' | 'submit' | 'return' | 'verify' | 'instruction';

/** A day from now in Beijing, as a date input takes it. */
function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// A minimal PDF: the server reads the type from the content, not the name.
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** What each language shows: written out, as a reader of that language sees it. */
const ui = {
  'zh-CN': {
    language: '语言：中文',
    languageName: '中文',
    date: (iso: string) => {
      const [y, m, d] = iso.split('-').map(Number);
      return `${y}年${m}月${d}日`;
    },
    conference: '大连市安全生产暨安委会第一季度工作电视电话会议',
    section: '部署要求',
    recordForm: '记录部署要求',
    title: '标题',
    details: '具体要求',
    priority: ['优先级', '高'],
    dueDate: '办理期限',
    department: ['第 1 个单位', '中山区'],
    record: '记录并交办',
    recorded: /^已记录 (\d{4}-Q\d-\d{2})，生成 1 项督办任务。$/,
    tasksOf: (n: string) => `${n} 的督办任务`,
    bell: /^通知，/,
    bellCount: (n: number) => (n ? `通知，${n}条未读` : '通知，无未读'),
    notificationsHeading: '通知',
    notificationList: '通知列表',
    unread: '未读',
    notice: { assign: '新交办任务：', extension_approved: '延期申请已批准：', return: '任务被退回：', verify: '审核通过，已办结：', instruction: '领导批示：' },
    by: (name: string) => `${name}：`,
    // The radio, and the button that posts it, share the name.
    actions: {
      acknowledge: '签收', progress: '反馈进展', extension_request: '申请延期', extension_approved: '同意延期',
      submit: '申请办结', return: '退回', verify: '审核通过', instruction: '批示',
    } satisfies Record<Kind, string>,
    kinds: {
      acknowledge: '签收', progress: '进展反馈', extension_request: '延期申请', extension_approved: '同意延期',
      submit: '办结申请', return: '退回', verify: '审核通过', instruction: '领导批示', assign: '交办',
    } satisfies Record<Kind | 'assign', string>,
    posted: (kind: string) => `已记录：${kind}。`,
    body: {
      acknowledge: '签收说明（选填）', progress: '进展情况', extension_request: '延期理由', extension_approved: '审批意见（选填）',
      submit: '完成情况', return: '退回理由', verify: '审核意见（选填）', instruction: '批示内容',
    } satisfies Record<Kind, string>,
    percent: '完成进度（%）',
    files: '佐证材料',
    newDueDate: '新的办理期限',
    download: (name: string) => `下载 ${name}`,
    timeline: '办理记录',
    status: (from: string, to: string) => `状态：${from} → ${to}`,
    statuses: { assigned: '待签收', acknowledged: '已签收', in_progress: '办理中', submitted: '待审核', completed: '已办结' },
    progressOf: (p: number) => `进度：${p}%`,
    done: (p: number) => `已完成 ${p}%`,
    requestedDueDate: (date: string) => `申请延期至 ${date}`,
    pendingExtension: (from: string, to: string) => `申请将办理期限从 ${from} 延至 ${to}。`,
    dueDateChange: (from: string, to: string) => `办理期限：${from} → ${to}`,
    facts: { status: '状态', dueDate: '办理期限', originalDueDate: '原定期限', extensions: '延期次数', returns: '退回次数' },
    text: {
      title: '老旧小区燃气管道安全隐患闭环整治（e2e）',
      details: '对辖区内老旧小区燃气管道逐户排查，建立隐患台账，限期整改。',
      acknowledge: '已签收，由区住建局牵头办理。',
      progress: '已完成 8 个小区、1260 户的入户排查。',
      extension: '供暖季入户受限，需延后一个月完成整改复查。',
      approval: '同意延期，请按新期限完成。',
      submit: '排查整改全部完成，台账和整改照片已上传。',
      reason: '缺少整改后复查记录，请补充后重新提交。',
      resubmit: '已补充 8 个小区的整改复查记录。',
      instruction: '做得扎实。请总结经验，在全市老旧小区推广。',
    },
    file: '燃气排查台账.pdf',
  },
  en: {
    language: 'Language: English',
    languageName: 'English',
    date: (iso: string) => {
      const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
      return `${d} ${months[m - 1]} ${y}`;
    },
    conference: "Municipal video and telephone conference on safety production and the safety committee's first-quarter work",
    section: 'Requested actions',
    recordForm: 'Record a requested action',
    title: 'Title',
    details: 'Details',
    priority: ['Priority', 'High'],
    dueDate: 'Due date',
    department: ['Department 1', 'Zhongshan District'],
    record: 'Record and assign',
    recorded: /^Recorded (\d{4}-Q\d-\d{2}): 1 task assigned\.$/,
    tasksOf: (n: string) => `Tasks of ${n}`,
    bell: /^Notifications, /,
    bellCount: (n: number) => (n ? `Notifications, ${n} unread` : 'Notifications, none unread'),
    notificationsHeading: 'Notifications',
    notificationList: 'Notifications',
    unread: 'Unread',
    notice: {
      assign: 'New task assigned: ', extension_approved: 'Extension approved: ', return: 'Task returned: ',
      verify: 'Verified as completed: ', instruction: "Leader's instruction: ",
    },
    by: (name: string) => `${name}: `,
    actions: {
      acknowledge: 'Acknowledge', progress: 'Report progress', extension_request: 'Request an extension', extension_approved: 'Approve the extension',
      submit: 'Submit for verification', return: 'Return', verify: 'Verify as completed', instruction: 'Write an instruction',
    } satisfies Record<Kind, string>,
    kinds: {
      acknowledge: 'Acknowledged', progress: 'Progress report', extension_request: 'Extension requested', extension_approved: 'Extension approved',
      submit: 'Submitted for verification', return: 'Returned', verify: 'Verified', instruction: 'Instruction', assign: 'Assigned',
    } satisfies Record<Kind | 'assign', string>,
    posted: (kind: string) => `Recorded: ${kind}.`,
    body: {
      acknowledge: 'Note (optional)', progress: 'Progress report', extension_request: 'Reason for the extension', extension_approved: 'Note (optional)',
      submit: 'Completion summary', return: 'Reason for returning', verify: 'Note (optional)', instruction: 'Instruction',
    } satisfies Record<Kind, string>,
    percent: 'Progress (%)',
    files: 'Evidence files',
    newDueDate: 'New due date',
    download: (name: string) => `Download ${name}`,
    timeline: 'Follow-up history',
    status: (from: string, to: string) => `Status: ${from} → ${to}`,
    statuses: { assigned: 'Assigned', acknowledged: 'Acknowledged', in_progress: 'In progress', submitted: 'Awaiting verification', completed: 'Completed' },
    progressOf: (p: number) => `Progress: ${p}%`,
    done: (p: number) => `${p}% done`,
    requestedDueDate: (date: string) => `Asks for a new due date: ${date}`,
    pendingExtension: (from: string, to: string) => `Asks to move the due date from ${from} to ${to}.`,
    dueDateChange: (from: string, to: string) => `Due date: ${from} → ${to}`,
    facts: { status: 'Status', dueDate: 'Due date', originalDueDate: 'Original due date', extensions: 'Extensions', returns: 'Returns' },
    text: {
      title: 'Close out gas pipeline hazards in old housing estates (e2e)',
      details: 'Inspect every household gas pipeline in old estates, keep a hazard register and fix each hazard in time.',
      acknowledge: 'Received; the district housing bureau leads the work.',
      progress: 'Eight estates and 1,260 households inspected so far.',
      extension: 'The heating season limits home visits; one more month is needed for the re-inspection.',
      approval: 'Approved; please finish by the new date.',
      submit: 'All inspections and repairs are done; the register and photos are attached.',
      reason: 'The re-inspection records after the repairs are missing; please add them and submit again.',
      resubmit: 'Re-inspection records for all eight estates added.',
      instruction: 'Solid work. Please write up the lessons so other districts can follow.',
    },
    file: 'gas-inspection-register.pdf',
  },
} as const;

type Ui = (typeof ui)[Lang];
const users: DemoUser[] = ['secretary', 'dept-zhongshan', 'leader'];

/** Switches through the top bar's language menu; the choice is saved to the user's profile. */
async function switchLanguage(page: Page, from: Ui, to: Ui) {
  await page.getByRole('button', { name: from.language }).click();
  await page.getByRole('menuitemradio', { name: to.languageName }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', to === ui.en ? 'en' : 'zh-CN');
}

async function pageAs(browser: Browser, user: DemoUser, lang: Lang) {
  const context = await browser.newContext({ storageState: storageStateOf(user) });
  const page = await context.newPage();
  if (lang !== 'zh-CN') {
    await page.goto('/dashboard');
    await switchLanguage(page, ui['zh-CN'], ui[lang]);
  }
  return page;
}

/** The bell's unread count, read from its accessible name. */
async function bellCount(page: Page, t: Ui): Promise<number> {
  const name = (await page.getByRole('banner').getByRole('link', { name: t.bell }).getAttribute('aria-label')) ?? '';
  return Number(/\d+/.exec(name)?.[0] ?? 0);
}

/** Chooses a follow-up on the task page, writes it and posts it. */
async function post(page: Page, t: Ui, kind: Kind, body: string, fill?: () => Promise<void>) {
  const radio = page.getByRole('radio', { name: t.actions[kind], exact: true });
  // A single choice is offered without radios.
  if (await radio.count()) await radio.check();
  await fill?.();
  await page.getByLabel(t.body[kind], { exact: true }).fill(body);
  await page.getByRole('button', { name: t.actions[kind], exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: t.posted(t.kinds[kind]) })).toBeVisible();
}

/** One fact of the task's side panel, by its label. */
function fact(page: Page, label: string) {
  return page.locator('dl > div').filter({ has: page.getByText(label, { exact: true }) }).getByRole('definition');
}

/** The newest entry of the timeline. */
const latestEntry = (page: Page, t: Ui) => page.getByRole('list', { name: t.timeline }).getByRole('listitem').first();

/** The department head's newest notification: unread, about this task, opened from the bell. */
async function openNewestNotice(page: Page, t: Ui, unreadBefore: number, text: string) {
  await page.goto('/dashboard');
  const bell = page.getByRole('banner').getByRole('link', { name: t.bellCount(unreadBefore + 1) });
  await expect(bell).toBeVisible();
  await bell.click();
  await expect(page.getByRole('heading', { level: 1, name: t.notificationsHeading })).toBeVisible();
  const item = page.getByRole('list', { name: t.notificationList }).getByRole('listitem').first();
  await expect(item.getByText(t.unread, { exact: true })).toBeVisible();
  await expect(item.getByRole('link', { name: text, exact: true })).toBeVisible();
  return item;
}

for (const lang of ['zh-CN', 'en'] as const) {
  test.describe(`in ${lang}`, () => {
    // The language is saved to each user's profile: hand all three back in Chinese, even after a failure.
    test.afterEach(async ({ browser }) => {
      if (lang === 'zh-CN') return;
      for (const user of users) {
        const context = await browser.newContext({ storageState: storageStateOf(user) });
        const page = await context.newPage();
        await page.goto('/dashboard');
        if ((await page.locator('html').getAttribute('lang')) === 'en') await switchLanguage(page, ui.en, ui['zh-CN']);
        await context.close();
      }
    });

    test(`assigned, acknowledged, reported, extended, submitted, returned, resubmitted, verified and instructed (${lang})`, async ({ browser }) => {
      // Three people through a dozen steps on a 2-core machine.
      test.setTimeout(240_000);
      const t = ui[lang];
      const office = await pageAs(browser, 'secretary', lang);
      const head = await pageAs(browser, 'dept-zhongshan', lang);
      const leader = await pageAs(browser, 'leader', lang);
      const due = daysFromNow(30);
      const extended = daysFromNow(60);

      await head.goto('/dashboard');
      let unread = await bellCount(head, t);

      // The secretary records the mayor's request on the 2018 conference and assigns it to Zhongshan.
      await office.goto('/conferences?year=2018');
      await office.getByRole('link', { name: t.conference }).click();
      await expect(office.getByRole('heading', { level: 1, name: t.conference })).toBeVisible();
      const form = office.getByRole('form', { name: t.recordForm });
      await form.getByRole('textbox', { name: t.title, exact: true }).fill(t.text.title);
      await form.getByLabel(t.details, { exact: true }).fill(t.text.details);
      await form.getByLabel(t.priority[0], { exact: true }).selectOption({ label: t.priority[1] });
      await form.getByLabel(t.dueDate, { exact: true }).fill(due);
      await form.getByLabel(t.department[0], { exact: true }).selectOption({ label: t.department[1] });
      await form.getByRole('button', { name: t.record }).click();
      const recorded = form.getByText(t.recorded);
      await expect(recorded).toBeVisible();
      const number = t.recorded.exec((await recorded.textContent())!.trim())![1]!;
      const subject = `${number} ${t.text.title}`;
      const tasks = office.getByRole('region', { name: t.section }).getByRole('table', { name: t.tasksOf(number) });
      const taskHref = (await tasks.getByRole('link', { name: t.department[1] }).getAttribute('href'))!;
      expect(taskHref).toMatch(/^\/tasks\/\d+$/);

      // The department head is told: the bell counts one more, the notice opens the task and is read.
      let notice = await openNewestNotice(head, t, unread, `${t.notice.assign}${subject}`);
      await notice.getByRole('link', { name: `${t.notice.assign}${subject}` }).click();
      await expect(head).toHaveURL(new RegExp(`${taskHref}$`));
      await expect(head.getByRole('heading', { level: 1, name: subject })).toBeVisible();
      await expect(head.getByRole('banner').getByRole('link', { name: t.bellCount(unread) })).toBeVisible();
      await expect(fact(head, t.facts.dueDate)).toHaveText(t.date(due));
      await expect(latestEntry(head, t).getByRole('heading', { name: t.kinds.assign })).toBeVisible();

      // Acknowledge, then 40 % with a PDF as evidence.
      await post(head, t, 'acknowledge', t.text.acknowledge);
      await expect(latestEntry(head, t).getByText(t.status(t.statuses.assigned, t.statuses.acknowledged))).toBeVisible();
      await post(head, t, 'progress', t.text.progress, async () => {
        await head.getByLabel(t.percent, { exact: true }).fill('40');
        await head.getByLabel(t.files, { exact: true }).setInputFiles({ name: t.file, mimeType: 'application/pdf', buffer: pdf });
      });
      await expect(latestEntry(head, t).getByText(t.progressOf(40))).toBeVisible();
      await expect(head.getByText(t.done(40))).toBeVisible();
      await expect(latestEntry(head, t).getByRole('link', { name: t.download(t.file) })).toBeVisible();

      // More time, with a reason.
      await post(head, t, 'extension_request', t.text.extension, () => head.getByLabel(t.newDueDate, { exact: true }).fill(extended));
      await expect(latestEntry(head, t).getByText(t.requestedDueDate(t.date(extended)))).toBeVisible();

      // The secretary approves: the due date moves, the old one stays as the original.
      await office.goto(taskHref);
      await office.getByRole('radio', { name: t.actions.extension_approved, exact: true }).check();
      await expect(office.getByText(t.pendingExtension(t.date(due), t.date(extended)))).toBeVisible();
      await post(office, t, 'extension_approved', t.text.approval);
      await expect(latestEntry(office, t).getByText(t.dueDateChange(t.date(due), t.date(extended)))).toBeVisible();
      await expect(fact(office, t.facts.dueDate)).toHaveText(t.date(extended));
      await expect(fact(office, t.facts.originalDueDate)).toHaveText(t.date(due));
      await expect(fact(office, t.facts.extensions)).toHaveText('1');

      // The department head sees the new date, and submits.
      await head.reload();
      await expect(fact(head, t.facts.dueDate)).toHaveText(t.date(extended));
      await expect(fact(head, t.facts.originalDueDate)).toHaveText(t.date(due));
      unread = await bellCount(head, t);
      await post(head, t, 'submit', t.text.submit);
      await expect(latestEntry(head, t).getByText(t.status(t.statuses.in_progress, t.statuses.submitted))).toBeVisible();

      // The secretary returns it with a reason.
      await office.reload();
      await post(office, t, 'return', t.text.reason);
      await expect(latestEntry(office, t).getByText(t.status(t.statuses.submitted, t.statuses.in_progress))).toBeVisible();
      await expect(fact(office, t.facts.returns)).toHaveText('1');

      // The department head reads the reason in the notice and on the timeline, and resubmits.
      notice = await openNewestNotice(head, t, unread, `${t.notice.return}${subject}`);
      await expect(notice.getByText(`${t.by(displayNameOf('secretary'))}${t.text.reason}`)).toBeVisible();
      await notice.getByRole('link', { name: `${t.notice.return}${subject}` }).click();
      await expect(head).toHaveURL(new RegExp(`${taskHref}$`));
      const returned = latestEntry(head, t);
      await expect(returned.getByRole('heading', { name: t.kinds.return })).toBeVisible();
      await expect(returned).toContainText(t.text.reason);
      await expect(returned).toContainText(displayNameOf('secretary'));
      await post(head, t, 'submit', t.text.resubmit);
      await expect(latestEntry(head, t).getByText(t.status(t.statuses.in_progress, t.statuses.submitted))).toBeVisible();

      // The secretary verifies: completed, nothing more to return.
      await office.reload();
      await post(office, t, 'verify', '');
      await expect(latestEntry(office, t).getByText(t.status(t.statuses.submitted, t.statuses.completed))).toBeVisible();
      await expect(fact(office, t.facts.status)).toHaveText(t.statuses.completed);
      await expect(office.getByRole('radio', { name: t.actions.return, exact: true })).toHaveCount(0);

      // The mayor writes an instruction on the completed task.
      await head.goto('/dashboard');
      unread = await bellCount(head, t);
      await leader.goto(taskHref);
      await post(leader, t, 'instruction', t.text.instruction);

      // The department head sees it in the notices and on the timeline, after everything else they were told.
      notice = await openNewestNotice(head, t, unread, `${t.notice.instruction}${subject}`);
      await expect(notice.getByText(`${t.by(displayNameOf('leader'))}${t.text.instruction}`)).toBeVisible();
      const told = await head
        .getByRole('list', { name: t.notificationList })
        .getByRole('link', { name: new RegExp(`${number} `) })
        .allInnerTexts();
      expect(told).toEqual(
        (['instruction', 'verify', 'return', 'extension_approved', 'assign'] as const).map((kind) => `${t.notice[kind]}${subject}`),
      );
      await expectAccessible(head);
      await notice.getByRole('link', { name: `${t.notice.instruction}${subject}` }).click();
      await expect(head).toHaveURL(new RegExp(`${taskHref}$`));
      const instruction = latestEntry(head, t);
      await expect(instruction.getByRole('heading', { name: t.kinds.instruction })).toBeVisible();
      await expect(instruction).toContainText(t.text.instruction);
      await expect(instruction).toContainText(displayNameOf('leader'));
      const entries = await head.getByRole('list', { name: t.timeline }).getByRole('heading', { level: 3 }).allInnerTexts();
      expect(entries).toEqual(
        (['instruction', 'verify', 'submit', 'return', 'submit', 'extension_approved', 'extension_request', 'progress', 'acknowledge', 'assign'] as const).map(
          (kind) => t.kinds[kind],
        ),
      );
      await expectAccessible(head);
      await head.screenshot({ path: `test-results/follow-up-cycle-${lang}.png`, fullPage: true });

      for (const page of [office, head, leader]) await page.context().close();
    });
  });
}
