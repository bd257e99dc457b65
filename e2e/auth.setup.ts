import { test as setup } from '@playwright/test';
import { demoPassword, demoUsers, expect, storageStateOf } from './fixtures';
import { LoginPage } from './pages/login-page';

for (const user of demoUsers) {
  setup(`sign in as ${user}`, async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(user, demoPassword);
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.context().storageState({ path: storageStateOf(user) });
  });
}
