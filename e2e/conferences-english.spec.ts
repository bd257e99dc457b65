import type { Page } from '@playwright/test';
import { expect, expectAccessible, storageStateOf, test } from './fixtures';

// The demo conference of the 2018 article, as the English interface names it.
const demoTitle = "Municipal video and telephone conference on safety production and the safety committee's first-quarter work";

test.use({ storageState: storageStateOf('secretary') });

/** Switches through the top bar's language menu; the choice is saved to the user's profile. */
async function switchLanguage(page: Page, from: string, to: string) {
  await page.getByRole('button', { name: from }).click();
  await page.getByRole('menuitemradio', { name: to }).click();
}

// The language follows the user to other tests: always hand the secretary back in Chinese.
test.afterEach(async ({ page }) => {
  await page.goto('/conferences');
  if ((await page.locator('html').getAttribute('lang')) === 'en') {
    await switchLanguage(page, 'Language: English', '中文');
    await expect(page.getByRole('heading', { level: 1, name: '会议' })).toBeVisible();
  }
});

test('the conference list, the demo conference, its notice and minutes read in English and pass axe', async ({ page }) => {
  await page.goto('/conferences');
  await switchLanguage(page, '语言：中文', 'English');
  await expect(page.getByRole('heading', { level: 1, name: 'Conferences' })).toBeVisible();

  // A filtered list is a link: the filters come from the URL and show on their buttons.
  await page.goto('/conferences?year=2018&status=minutes_published');
  await expect(page.getByRole('button', { name: 'Filter: Year (2018)' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Filter: Status (Minutes published)' })).toBeVisible();
  const list = page.getByRole('table', { name: 'Conferences' });
  await expect(list.getByRole('row')).toHaveCount(2);
  const row = list.getByRole('row', { name: new RegExp('first-quarter work') });
  await expect(row.getByRole('link', { name: demoTitle })).toBeVisible();
  await expect(row).toContainText('16 Mar 2018');
  await expect(row).toContainText('Video and telephone');
  await expect(row).toContainText('Luo Dongsheng');
  await expect(page.getByRole('link', { name: 'Attendance rates' })).toBeVisible();
  await expectAccessible(page);

  // The conference page, grouped the way a secretary thinks, in English.
  await row.getByRole('link', { name: demoTitle }).click();
  await expect(page.getByRole('heading', { level: 1, name: demoTitle })).toBeVisible();
  for (const group of ['When and how', 'Who', 'Agenda and documents', 'Higher-level conference', 'Minutes']) {
    await expect(page.getByRole('heading', { level: 2, name: group })).toBeVisible();
  }
  await expect(page.getByText('Minutes published', { exact: true }).first()).toBeVisible();
  const speakers = page.getByRole('table', { name: 'Speaking order' });
  for (const name of ['Luo Dongsheng', 'Liu Yan', 'Xiao Shengfeng']) await expect(speakers.getByText(name, { exact: true })).toBeVisible();
  await expect(page.getByText('16 Mar 2018, 10:30–11:40')).toBeVisible();
  await expect(page.getByText('Status:')).toBeVisible();
  // The agenda fits the planned time: no overrun warning, and never two of them.
  await expect(page.getByText(/runs .* past/)).toHaveCount(0);
  await expectAccessible(page);

  // The printable notice.
  await page.getByRole('link', { name: 'Notice', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Notice of ${demoTitle}` })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Invited departments' })).toBeVisible();
  await expect(page.getByText(/Dalian Emergency Management Bureau/).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
  await expectAccessible(page);

  // The published minutes, with attendance and speakers.
  await page.getByRole('link', { name: 'Back to the conference' }).click();
  await page.getByRole('link', { name: 'Minutes', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Minutes of ${demoTitle}` })).toBeVisible();
  await expect(page.getByText('Published 20 Mar 2018, 17:00')).toBeVisible();
  await expect(page.getByText('27 of 27 invited departments present.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Speakers' })).toBeVisible();
  await expect(page.getByText('Xiao Shengfeng').first()).toBeVisible();
  await expectAccessible(page);
});

test('a save over a newer save names only what the other editor changed', async ({ page }) => {
  await page.goto('/conferences/new');
  await switchLanguage(page, '语言：中文', 'English');
  await expect(page.getByRole('heading', { level: 1, name: 'New special conference' })).toBeVisible();
  await page.getByLabel('Conference name', { exact: true }).fill('燃气安全专题会（e2e）');
  await page.getByLabel('Start time').fill('2035-05-10T09:00');
  await page.getByLabel('End time').fill('2035-05-10T11:00');
  await page.getByRole('button', { name: 'Create conference' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '燃气安全专题会（e2e）' })).toBeVisible();
  await page.getByRole('link', { name: 'Edit conference details' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit conference details' })).toBeVisible();

  // Someone else opens the same form and saves a new convener first.
  const other = await page.context().newPage();
  await other.goto(page.url());
  await other.getByLabel('Convened by').fill('大连市应急管理局');
  await other.getByRole('button', { name: 'Save' }).click();
  await expect(other.getByRole('heading', { level: 1, name: '燃气安全专题会（e2e）' })).toBeVisible();
  await other.close();

  // This editor changed the format: the refusal names the convener only, not their own change.
  await page.getByLabel('Format').selectOption({ label: 'Video conference' });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Changed by someone else: Convened by', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Format')).toHaveValue('video');
  await expectAccessible(page);
});
