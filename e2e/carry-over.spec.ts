import type { Page } from '@playwright/test';
import { currentYearConferences } from '../db/seed/current-year';
import { expect, expectAccessible, storageStateOf, test } from './fixtures';

const button = '添加上季度部署要求回顾';
const itemTitle = '上季度部署要求落实情况回顾';
const listTitle = '前期会议未办结的督办任务';

/**
 * This year's first demo conference that has not met yet: its notice is out (`scheduled`), so the
 * invited departments see it too. Journey 1 plans its own year (2031); journeys 2 and 3 hold theirs in the past (2022, 2023), since a conference is held only once it has started.
 * From the day the fourth quarter's conference meets until New Year every demo conference has met;
 * then the secretary plans next year, whose first quarter copies Q4's invitations.
 */
const demo = currentYearConferences(new Date());
const upcoming = demo.find((c) => c.conference.status === 'scheduled');
const nextYear = Math.max(...demo.map((c) => c.conference.year)) + 1;
const conferenceTitle = upcoming ? upcoming.conference.title : `${nextYear}年第一季度安全生产委员会全体会议`;

async function openConference(page: Page) {
  if (upcoming) {
    await page.goto(`/conferences?year=${upcoming.conference.year}&status=scheduled`);
  } else {
    await page.goto(`/conferences?year=${nextYear}`);
  }
  await page.getByRole('link', { name: conferenceTitle }).click();
  await expect(page.getByRole('heading', { level: 1, name: conferenceTitle })).toBeVisible();
  return page.getByRole('region', { name: '议程', exact: true });
}

/** The count the review item shows ("前期会议未办结任务 12 项"). */
async function openTaskCount(page: Page) {
  const text = await page.getByRole('link', { name: /^前期会议未办结任务 [\d,]+ 项$/ }).textContent();
  return Number(text!.replace(/\D/g, ''));
}

test.describe.serial('carry-over of open tasks to the next conference', () => {
  test.describe('as the secretary', () => {
    test.use({ storageState: storageStateOf('secretary') });

    test('adds the review of last quarter’s requested actions with one click and sees the open tasks with their departments', async ({ page }) => {
      if (!upcoming) {
        await page.goto('/conferences');
        await page.getByLabel('年度').fill(String(nextYear));
        await page.getByRole('button', { name: '生成四次季度会议' }).click();
        await expect(page.getByRole('link', { name: conferenceTitle })).toBeVisible();
      }
      const agenda = await openConference(page);
      await expect(agenda.getByRole('rowheader', { name: new RegExp(itemTitle) })).toHaveCount(0);
      await agenda.getByRole('button', { name: button }).click();

      // The item is on the agenda, the button is gone, and focus lands on the list it brings.
      await expect(agenda.getByRole('status').filter({ hasText: '已添加上季度部署要求回顾。' })).toBeVisible();
      const row = agenda.getByRole('row', { name: new RegExp(itemTitle) });
      await expect(row).toBeVisible();
      await expect(row.getByRole('cell', { name: '回顾', exact: true })).toBeVisible();
      await expect(row.getByRole('cell', { name: '10 分钟' })).toBeVisible();
      await expect(agenda.getByRole('button', { name: button })).toHaveCount(0);
      await expect(agenda.getByRole('heading', { level: 4, name: listTitle })).toBeFocused();

      // The earlier conferences' open tasks, each with its department: as many as the item says.
      const count = await openTaskCount(page);
      expect(count).toBeGreaterThan(0);
      const table = agenda.getByRole('table', { name: listTitle });
      await expect(table.getByRole('link')).toHaveCount(Math.min(count, 50));
      await expect(table.getByRole('rowheader', { name: /^大连市安全生产暨安委会第.季度工作电视电话会议（\d{4}年\d{1,2}月\d{1,2}日）$/ }).first()).toBeVisible();
      for (const department of ['大连市应急管理局', '中山区']) {
        await expect(table.getByRole('cell', { name: department, exact: true }).first()).toBeVisible();
      }
      await expectAccessible(page);

      // After a reload it is still there, once.
      await page.reload();
      await expect(agenda.getByRole('row', { name: new RegExp(itemTitle) })).toHaveCount(1);
      await expect(agenda.getByRole('button', { name: button })).toHaveCount(0);
    });
  });

  test.describe('as a department head', () => {
    test.use({ storageState: storageStateOf('dept-zhongshan') });

    test('sees the review and only their own department’s open tasks, without the button', async ({ page }) => {
      const agenda = await openConference(page);
      await expect(agenda.getByRole('row', { name: new RegExp(itemTitle) })).toBeVisible();
      await expect(page.getByRole('button', { name: button })).toHaveCount(0);
      await expect(agenda.getByText('仅列出本单位的任务。')).toBeVisible();
      const count = await openTaskCount(page);
      expect(count).toBeGreaterThan(0);
      const table = agenda.getByRole('table', { name: listTitle });
      await expect(table.getByRole('link')).toHaveCount(count);
      await expect(table.getByRole('cell', { name: '中山区', exact: true })).toHaveCount(count);
      await expect(table.getByRole('cell', { name: '大连市应急管理局', exact: true })).toHaveCount(0);
      await expectAccessible(page);
    });
  });
});
