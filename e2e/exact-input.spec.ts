import { expect, seededIds, storageStateOf, test } from './fixtures';

/**
 * Issue 16: a page address names a record only by its exact id, and a path Next cannot decode is
 * the ordinary 404 (the not-found page, or the API's problem), never a text/plain 500.
 */
test.use({ storageState: storageStateOf('dept-emergency') });

test('an id spelled any other way is the not-found page, not the task', async ({ page }) => {
  const { emergencyTaskId: id } = seededIds();
  const own = await page.goto(`/tasks/${id}`);
  expect(own?.status()).toBe(200);
  for (const spelled of [`0x${id.toString(16)}`, `${id}.0`, `%20${id}`, `${id}e0`, `0${id}`]) {
    const response = await page.goto(`/tasks/${spelled}`);
    expect(response?.status(), spelled).toBe(404);
    await expect(page.getByRole('heading', { name: '找不到该页面' }), spelled).toBeVisible();
  }
});

test('a path with malformed percent-encoding is a 404: the not-found page, or a problem under /api', async ({ page, request }) => {
  const response = await page.goto('/tasks/%u0031');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: '找不到该页面' })).toBeVisible();

  for (const path of ['/api/v1/conferences/%u0031/venues', '/api/v1/tasks/%E4%B8', '/api/attachments/%zz']) {
    const answer = await request.get(path, { headers: { 'Accept-Language': 'en' } });
    expect(answer.status(), path).toBe(404);
    expect(answer.headers()['content-type'], path).toMatch(/^application\/problem\+json/);
  }
});
