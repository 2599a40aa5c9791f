Feature('Checkout');

Scenario('guest can buy a product', async ({ I }) => {
  await I.haveProduct('MUG-BLUE', 1299);
  I.amOnPage('/products/mug-blue');
  I.click('Add to cart');
  I.click('Checkout');
  I.fillField('Email', 'guest@example.com');
  I.click('Place order');
  I.see('Thank you for your order');
  await I.seeOrderInDb('guest@example.com', 'placed');
});

Scenario('order history lists previous orders', async ({ I }) => {
  await I.haveProduct('TEE-M', 1999);
  await I.haveOrder('returning@example.com', [{ sku: 'TEE-M', quantity: 2 }]);
  I.amOnPage('/account/orders?email=returning@example.com');
  I.see('TEE-M');
});
