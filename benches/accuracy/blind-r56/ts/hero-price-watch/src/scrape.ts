import Hero from '@ulixee/hero-playground';
import type { WatchTarget } from './db.js';

export interface ScrapeResult {
  priceCents: number | null;
  title: string;
  screenshot: Buffer | null;
}

export function parsePrice(text: string | null | undefined): number | null {
  if (!text) return null;
  const cleaned = text.replace(/[^\d.,]/g, '').replace(/\.(?=\d{3}\b)/g, '').replace(',', '.');
  const value = Number.parseFloat(cleaned);
  return Number.isFinite(value) ? Math.round(value * 100) : null;
}

// One browser session per target page, always closed before moving on.
export async function scrapeTarget(target: WatchTarget): Promise<ScrapeResult> {
  const hero = new Hero({
    userAgent: '~ chrome >= 120 && windows >= 10',
    viewport: { width: 1366, height: 900 },
  });
  try {
    await hero.goto(target.url, { timeoutMs: 45_000 });
    await hero.waitForPaintingStable();
    const title = await hero.document.title;
    const priceElement = hero.document.querySelector(target.price_selector);
    const priceText = (await priceElement.$exists) ? await priceElement.textContent : null;
    const screenshot = await hero.takeScreenshot({ format: 'png' });
    return { priceCents: parsePrice(priceText), title, screenshot };
  } finally {
    await hero.close();
  }
}
