module.exports = async (page, scenario) => {
  // Freeze animations and lazy images so screenshots are stable.
  await page.addStyleTag({
    content: '*, *::before, *::after { transition: none !important; animation: none !important; }',
  });
  await page.evaluate(() => {
    document.querySelectorAll('img[loading="lazy"]').forEach((img) => img.setAttribute('loading', 'eager'));
  });
  if (scenario.label.startsWith('Checkout')) {
    await page.waitForSelector('[data-test="shipping-options"]');
  }
};
