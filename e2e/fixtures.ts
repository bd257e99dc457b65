import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { type Page, test as base, expect } from '@playwright/test';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../db/seed/accounts';

export { expect };
export const demoPassword = DEMO_PASSWORD;

export type DemoUser = 'admin' | 'secretary' | 'leader' | 'dept-emergency' | 'dept-zhongshan';
export const demoUsers: DemoUser[] = ['admin', 'secretary', 'leader', 'dept-emergency', 'dept-zhongshan'];
export const displayNameOf = (user: DemoUser) => DEMO_ACCOUNTS.find((a) => a.username === user)!.displayName;

/** Saved by auth.setup.ts: a signed-in browser state per demo account. */
export const storageStateOf = (user: DemoUser) => `e2e/.auth/${user}.json`;

/** Ids from the seeded database, written by scripts/e2e-fixtures.ts before the server starts. */
export interface SeededIds {
  emergencyTaskId: number;
  zhongshanTaskId: number;
  zhongshanAssignedTaskId: number;
  zhongshanSubmittedTaskId: number;
  emergencySubmittedTaskId: number;
}

export function seededIds(): SeededIds {
  return JSON.parse(fs.readFileSync('e2e/.auth/fixtures.json', 'utf8'));
}

/** WCAG 2.1 A and AA checks of what the page shows now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export const test = base;
