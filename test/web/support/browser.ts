import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { BrowserContext, chromium, Locator, Page } from 'playwright-core';

/** Debian's Chromium, as design.md says; `.ci/run` installs it when missing. */
export const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const SCREENSHOTS = resolve(__dirname, '../../../test-results/screenshots');

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** A fresh Chromium with an empty profile (no cookies, nothing stored), in Dutch and Amsterdam's time, 1280×800. */
export async function openBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'web-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    locale: 'nl-NL',
    // A Dutch user's clock: the screens' "today" (default dates, "not after today") is then the service's.
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1280, height: 800 },
    // As a user who asks for less motion: a notification that closes by itself while axe-core runs would
    // otherwise be measured half-faded (3.55:1, a failure in CI); the app respects the setting (main.tsx).
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(20_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Signs in on the sign-in page as a person does. */
export async function signInAs(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
}

/** axe-core on the page as it is now: no serious or critical violation of WCAG 2.x A/AA (incl. 2.2). */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  // A dialog fading in is measured half-transparent (contrast 1.2:1): judge the screen as it settles.
  // Two frames first, so a transition the last click set off has started and shows in getAnimations().
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  await page
    .waitForFunction("document.getAnimations().every((animation) => animation.playState !== 'running')", null, {
      timeout: 5_000,
    })
    .catch(() => undefined); // an endless animation (a spinner) is judged as it is
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${screen}: ${violation.id} (${violation.impact}) ${violation.help}: ${violation.nodes.map((node) => `${node.target.join(' ')} [${node.failureSummary ?? ''}]`).join(', ')}`,
    );
  expect(serious).toEqual([]);
}

/** A screenshot kept as a test artifact (test-results/ is not committed). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Waits until a person would see it (visible), failing after `timeoutMs`. */
export async function seen(locator: Locator, timeoutMs = 20_000): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout: timeoutMs });
}

/** Picks an option in a Mantine Select (a combobox with a listbox), by its label and the option's text. */
export async function choose(scope: Page | Locator, label: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label }).click();
  const page = 'page' in scope ? scope.page() : scope;
  await page.getByRole('option', { name: option, exact: true }).click();
}
