import { expect, expectAccessible, storageStateOf, test } from './fixtures';

const title = '开展危险化学品企业重大危险源专项检查';
const conferenceTitle = '2023年第一季度安全生产委员会全体会议';

test.describe('as the secretary', () => {
  test.use({ storageState: storageStateOf('secretary') });

  test('journey 3: attendance is signed in, the mayor’s request is recorded and assigned, the minutes list it, two tasks are reminded', async ({ page }) => {
    // A whole journey through five pages on a 2-core machine: longer than the default minute.
    test.setTimeout(180_000);
    // A conference of its own, prepared just enough to be held: in a past year, since a conference is
    // held only once it has started (its tasks are therefore overdue from the start).
    await page.goto('/conferences');
    await page.getByLabel('年度').fill('2023');
    await page.getByRole('button', { name: '生成四次季度会议' }).click();
    await page.getByRole('link', { name: conferenceTitle }).click();
    await expect(page.getByRole('heading', { level: 1, name: conferenceTitle })).toBeVisible();
    const conferenceUrl = page.url();

    await page.getByLabel('会场名称').fill('市政府第一会议室');
    await page.getByLabel('会场类型').selectOption({ label: '主会场' });
    await page.getByRole('button', { name: '添加会场' }).click();
    await expect(page.getByRole('button', { name: '移除 市政府第一会议室' })).toBeVisible();
    await page.getByRole('checkbox', { name: '全部部门' }).check();
    await page.getByRole('button', { name: '邀请', exact: true }).click();
    await expect(page.getByRole('button', { name: '取消邀请 大连市应急管理局' })).toBeVisible();
    await page.getByLabel('人员', { exact: true }).selectOption({ label: '肖盛峰（市长）' });
    await page.getByLabel('发言角色').selectOption({ label: '讲话部署' });
    await page.getByRole('button', { name: '添加发言人' }).click();
    await expect(page.getByRole('button', { name: '移除 肖盛峰' })).toBeVisible();

    // Before the notice, no action can be recorded.
    const section = page.getByRole('region', { name: '部署要求' });
    await expect(section.getByText('会议发出通知后才能记录部署要求')).toBeVisible();
    await page.getByRole('button', { name: '发布会议通知' }).click();
    await expect(page.getByText('已发通知').first()).toBeVisible();
    await page.getByRole('button', { name: '标记为已召开' }).click();
    await expect(page.getByRole('button', { name: '发布会议纪要' })).toBeVisible();

    // Attendance: the Emergency Management Bureau was present at the main venue.
    await page.getByLabel('签到状态（大连市应急管理局）').selectOption({ label: '出席' });
    await page.getByLabel('参会人员（大连市应急管理局）').fill('王强');
    await page.getByLabel('参会会场（大连市应急管理局）').selectOption({ label: '市政府第一会议室' });
    await page.getByRole('button', { name: '保存签到 大连市应急管理局' }).click();
    await expect(page.getByText(/出席率 .*（1\/\d+）/)).toBeVisible();

    // The mayor's request: a lead and two supporting departments.
    const form = page.getByRole('form', { name: '记录部署要求' });
    await expect(form.getByLabel('提出人').locator('option:checked')).toHaveText('肖盛峰 · 讲话部署');
    await form.getByRole('button', { name: '记录并交办' }).click();
    await expect(form.getByText('此项必填。').first()).toBeVisible();
    await form.getByRole('textbox', { name: '标题' }).fill(title);
    await form.getByLabel('具体要求').fill('全面排查危化品企业重大危险源，建立隐患清单。');
    await form.getByLabel('类别').selectOption({ label: '危险化学品' });
    await form.getByLabel('优先级').selectOption({ label: '高' });
    await form.getByLabel('办理期限', { exact: true }).fill('2023-06-30');
    await form.getByLabel('第 1 个单位', { exact: true }).selectOption({ label: '大连市应急管理局' });
    for (const [n, department] of [[2, '大连市消防救援支队'], [3, '大连市交通运输局']] as const) {
      await form.getByRole('button', { name: '添加单位' }).click();
      await expect(form.getByLabel(`第 ${n} 个单位`, { exact: true })).toBeFocused();
      await form.getByLabel(`第 ${n} 个单位`, { exact: true }).selectOption({ label: department });
    }
    await form.getByLabel('办理期限（第 3 个单位）').fill('2023-05-31');
    await form.getByRole('button', { name: '记录并交办' }).click();
    await expect(form.getByText('已记录 2023-Q1-01，生成 3 项督办任务。')).toBeVisible();

    const action = section.getByRole('article', { name: `2023-Q1-01 ${title}` });
    const tasks = action.getByRole('table', { name: '2023-Q1-01 的督办任务' });
    await expect(tasks.getByRole('row')).toHaveCount(4);
    await expect(tasks.getByRole('row', { name: /大连市应急管理局 牵头 2023年6月30日 待签收/ })).toBeVisible();
    await expect(tasks.getByRole('row', { name: /大连市交通运输局 配合 2023年5月31日/ })).toBeVisible();
    await expect(tasks.getByRole('link', { name: '大连市消防救援支队' })).toHaveAttribute('href', /\/tasks\/\d+$/);
    await expect(action.getByText('市长 肖盛峰')).toBeVisible();
    await expectAccessible(page);

    // The minutes, published, list the request with its departments and dates.
    await page.getByRole('link', { name: '会议纪要' }).first().click();
    await page.getByLabel('纪要内容（Markdown）').fill('会议听取了工作报告，市长作了部署。');
    await page.getByRole('button', { name: '保存纪要' }).click();
    await expect(page.getByText('纪要已保存。')).toBeVisible();
    await page.getByRole('button', { name: '发布会议纪要' }).click();
    await expect(page.getByText('纪要已发布：再次保存将作为更正记入审计日志。')).toBeVisible();
    const minutes = page.getByRole('article', { name: `${conferenceTitle}会议纪要` });
    await expect(minutes.getByText(`2023-Q1-01 ${title}`)).toBeVisible();
    await expect(minutes.getByText('大连市应急管理局（2023年6月30日前）')).toBeVisible();
    await expect(minutes.getByText('大连市消防救援支队（2023年6月30日前）；大连市交通运输局（2023年5月31日前）')).toBeVisible();
    await expectAccessible(page);

    // Remind two of the three from the task table.
    await page.goto(`/tasks?q=${encodeURIComponent(title)}`);
    await expect(page.getByRole('link', { name: '2023-Q1-01' })).toHaveCount(3);
    const bulk = page.getByRole('region', { name: '批量操作' });
    await expect(bulk.getByRole('button', { name: '催办' })).toBeDisabled();
    await page.getByRole('checkbox', { name: '选择 2023-Q1-01（大连市应急管理局）' }).check();
    await page.getByRole('checkbox', { name: '选择 2023-Q1-01（大连市消防救援支队）' }).check();
    await expect(bulk.getByText('已选 2 项')).toBeVisible();
    await bulk.getByRole('button', { name: '催办' }).click();
    await bulk.getByRole('button', { name: '催办 2 项任务' }).click();
    await expect(bulk.getByLabel('催办内容')).toBeFocused();
    await bulk.getByLabel('催办内容').fill('请于本周内签收并报送排查方案。');
    await expectAccessible(page);
    await bulk.getByRole('button', { name: '催办 2 项任务' }).click();
    await expect(bulk.getByText('已向 2 项任务发出催办。')).toBeVisible();

    await page.getByRole('row', { name: /大连市应急管理局/ }).getByRole('link', { name: '2023-Q1-01' }).click();
    await expect(page.getByText('请于本周内签收并报送排查方案。')).toBeVisible();

    // Later changes, each kept as history: the transport bureau's task goes to housing, the fire brigade's is withdrawn.
    await page.goto(conferenceUrl);
    const change = (label: string) => page.locator('details', { has: page.getByLabel(label, { exact: true }) });
    const reassign = change('改派 大连市交通运输局 的任务');
    await reassign.getByLabel('改派 大连市交通运输局 的任务').click();
    await reassign.getByLabel('改派给').selectOption({ label: '大连市住房和城乡建设局' });
    await reassign.getByLabel('原因').fill('道路施工安全由住建部门牵头排查');
    await reassign.getByRole('button', { name: '确认改派' }).click();
    await expect(tasks.getByRole('row', { name: /大连市住房和城乡建设局 配合 2023年5月31日 待签收/ })).toBeVisible();
    await expect(tasks.getByRole('link', { name: '大连市交通运输局' })).toHaveCount(0);
    const cancel = change('撤销 大连市消防救援支队 的任务');
    await cancel.getByLabel('撤销 大连市消防救援支队 的任务').click();
    await cancel.getByLabel('原因').fill('已并入专项检查，不再单独交办');
    await cancel.getByRole('button', { name: '确认撤销' }).click();
    await expect(tasks.getByRole('row', { name: /大连市消防救援支队 配合 2023年6月30日 已撤销/ })).toBeVisible();
  });
});

test.describe('as a leader', () => {
  test.use({ storageState: storageStateOf('leader') });

  test('sees the task table without selection or bulk controls', async ({ page }) => {
    await page.goto('/tasks');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: '批量操作' })).toHaveCount(0);
    await expect(page.getByRole('checkbox', { name: '选择本页所有任务' })).toHaveCount(0);
  });
});

test.describe('as the admin', () => {
  test.use({ storageState: storageStateOf('admin') });

  test('manages the list of action categories', async ({ page }) => {
    await page.goto('/admin');
    await page.getByRole('link', { name: /部署要求类别/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: '部署要求类别' })).toBeVisible();
    await expect(page.getByRole('row', { name: /hazardous_chemicals 危险化学品/ })).toBeVisible();
    // The edit forms of the rows are closed disclosures: only the new category's fields are shown.
    await page.getByRole('textbox', { name: '代码' }).fill('e2e_lifts');
    await page.getByRole('textbox', { name: '名称', exact: true }).fill('电梯');
    await page.getByRole('textbox', { name: '英文名称' }).fill('Lifts');
    await page.getByRole('button', { name: '新增', exact: true }).click();
    await expect(page.getByText('已新增类别 e2e_lifts。')).toBeVisible();
    await expect(page.getByRole('row', { name: /e2e_lifts 电梯 Lifts 在用/ })).toBeVisible();
    await expectAccessible(page);
  });
});
