describe('checkout', () => {
  it('adds an item to the cart', async () => {
    await browser.url('/products/blue-mug');
    await $('button=Add to cart').click();
    await expect($('[data-test=cart-count]')).toHaveText('1');
  });

  it('reaches the payment step', async () => {
    await browser.url('/cart');
    await $('a=Checkout').click();
    await expect(browser).toHaveUrl(expect.stringContaining('/checkout/payment'));
  });
});
