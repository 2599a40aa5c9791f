import { defineContentScript } from 'wxt/sandbox';
import { browser } from 'wxt/browser';

function readPrice() {
  const el = document.querySelector<HTMLElement>('[data-testid="product-price"]');
  const sku = document.querySelector<HTMLElement>('[data-sku]')?.dataset.sku;
  if (!el || !sku) return null;
  const price = Number(el.textContent?.replace(/[^\d.,]/g, '').replace(',', '.'));
  return Number.isFinite(price) ? { sku, price, currency: el.dataset.currency ?? 'EUR' } : null;
}

export default defineContentScript({
  matches: ['https://www.example-shop.com/*'],
  main(ctx) {
    const report = () => {
      const payload = readPrice();
      if (payload) void browser.runtime.sendMessage({ type: 'price-seen', payload });
    };

    report();
    // both are tied to the content-script context and removed when it is invalidated
    ctx.addEventListener(window, 'wxt:locationchange', report);
    ctx.setInterval(report, 60_000);
  },
});
