import type { Locator, Page } from '@playwright/test';

/** The sign-in page, found the way a person finds it: by its labels. */
export class LoginPage {
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(
    readonly page: Page,
    labels = { username: '用户名', password: '密码', submit: '登录' },
  ) {
    this.username = page.getByLabel(labels.username);
    this.password = page.getByLabel(labels.password);
    this.submit = page.getByRole('button', { name: labels.submit, exact: true });
    // Scoped to the form: Next's route announcer is an alert too.
    this.error = page.locator('form').getByRole('alert');
  }

  async goto(callbackUrl?: string) {
    await this.page.goto(callbackUrl ? `/login?callbackUrl=${encodeURIComponent(callbackUrl)}` : '/login');
  }

  async signIn(username: string, password: string) {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }
}
