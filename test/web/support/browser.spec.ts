import { openBrowser } from './browser';
import { dutchDay } from './dutch-days';

/**
 * The stories' browser is a Dutch user's: the screens take "today" from the browser's clock and zone
 * (a consent "not after today", an invitation's default date), the service from Amsterdam's. On a
 * machine in UTC the two disagreed from 23:00 UTC on (the browser still said yesterday).
 */
describe('the browser of the browser stories', () => {
  it("keeps Amsterdam's time zone, so its today is the service's today", async () => {
    const browser = await openBrowser();
    try {
      const [zone, today] = await browser.page.evaluate(() => [
        Intl.DateTimeFormat().resolvedOptions().timeZone,
        new Intl.DateTimeFormat('en-CA').format(new Date()),
      ]);
      expect(zone).toBe('Europe/Amsterdam');
      expect(today).toBe(dutchDay());
    } finally {
      await browser.close();
    }
  }, 60_000);
});
