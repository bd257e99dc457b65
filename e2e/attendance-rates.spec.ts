import { currentYearConferences } from '../db/seed/current-year';
import { departmentByCode } from '../db/seed/departments';
import { expect, expectAccessible, storageStateOf, test } from './fixtures';

/**
 * The latest year with held conferences in the demo seed, and one department that was excused
 * once in it, with its figures as the seed writes them (the server seeds the same day).
 */
function excusedInLatestYear() {
  const held = currentYearConferences(new Date()).filter((c) => c.conference.status === 'held' || c.conference.status === 'minutes_published');
  const year = Math.max(...held.map((c) => c.conference.year));
  const ofYear = held.filter((c) => c.conference.year === year);
  const invitations = ofYear.flatMap((c) => c.invitations);
  const code = invitations.find((i) => i.attendance === 'excused')!.department;
  const mine = invitations.filter((i) => i.department === code);
  const count = (state: string) => String(mine.filter((i) => i.attendance === state).length);
  const rate = mine.filter((i) => i.attendance === 'present').length / mine.length;
  return {
    year: String(year),
    conferences: ofYear.length,
    department: departmentByCode(code).name,
    cells: [String(mine.length), count('present'), count('absent'), count('excused'), count('unknown')],
    rate: `${Number((rate * 100).toFixed(1))}%`,
  };
}

test.describe('attendance rates', () => {
  test.use({ storageState: storageStateOf('secretary') });

  test('a secretary checks attendance per department for 2018 and the latest year, sorted by rate', async ({ page }) => {
    await page.goto('/conferences');
    await page.getByRole('link', { name: '各单位参会率' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '各单位参会率' })).toBeVisible();
    await expectAccessible(page);

    // 2018: the article's conference, every invited department and district signed in.
    await page.getByRole('button', { name: '筛选：年度' }).click();
    await page.getByRole('menuitemradio', { name: '2018' }).click();
    await expect(page).toHaveURL(/year=2018/);
    await expect(page.getByRole('heading', { name: '2018年已召开会议' })).toBeVisible();
    await expect(page.getByText('共 1 次会议、27 个单位：应到 27 次，出席 27 次，总参会率 100%。')).toBeVisible();
    const table = page.getByRole('table', { name: '各单位参会率' });
    const emergency = table.getByRole('row', { name: /大连市应急管理局/ });
    await expect(emergency.getByRole('cell')).toHaveText(['大连市应急管理局部门', '1', '1', '0', '0', '0', '100%']);

    // The latest year: one department excused once shows below 100 %, and sorting by rate puts the lowest first.
    const latest = excusedInLatestYear();
    await page.goto(`/conferences/attendance?year=${latest.year}&sort=rate&dir=asc`);
    await expect(page.getByRole('heading', { name: `${latest.year}年已召开会议` })).toBeVisible();
    await expect(page.getByText(`共 ${latest.conferences} 次会议`)).toBeVisible();
    const row = table.getByRole('row', { name: new RegExp(latest.department) });
    await expect(row.getByRole('cell')).toHaveText([new RegExp(latest.department), ...latest.cells, latest.rate]);
    await expect(table.getByRole('columnheader', { name: '参会率' })).toHaveAttribute('aria-sort', 'ascending');
    const firstRate = await table.getByRole('row').nth(1).getByRole('cell').last().textContent();
    expect(Number(firstRate!.replace('%', ''))).toBeLessThan(100);

    // A date range replaces the year: a range without held conferences says so.
    await page.goto('/conferences/attendance?from=2019-01-01&to=2019-12-31');
    await expect(page.getByText('该期间没有已召开的会议。')).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe('a department head', () => {
  test.use({ storageState: storageStateOf('dept-zhongshan') });

  test("sees their own department's row only", async ({ page }) => {
    await page.goto('/conferences/attendance?year=2018');
    await expect(page.getByText('本单位在已召开会议中的签到情况。')).toBeVisible();
    const rows = page.getByRole('table', { name: '各单位参会率' }).getByRole('row');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1).getByRole('cell')).toHaveText(['中山区区县', '1', '1', '0', '0', '0', '100%']);
    await expectAccessible(page);
  });
});
