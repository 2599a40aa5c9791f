import { $, browser, expect } from '@wdio/globals';

describe('checkout', () => {
  it('adds a product to the cart', async () => {
    await browser.url('/products/classic-tee');
    await $('button[data-test="add-to-cart"]').click();
    await expect($('[data-test="cart-count"]')).toHaveText('1');
  });

  it('completes checkout as a guest', async () => {
    await browser.url('/cart');
    await $('a[data-test="checkout"]').click();
    await $('#email').setValue('guest+e2e@example.com');
    await $('#card-number').setValue('4242424242424242');
    await $('button[type="submit"]').click();
    await expect($('h1')).toHaveText(expect.stringContaining('Thank you'));
  });
});
