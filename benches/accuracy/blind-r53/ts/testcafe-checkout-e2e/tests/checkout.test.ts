import { Selector } from 'testcafe';
import { getPool, resetCustomer } from './support/db';
import { ApiLogHook } from './support/api-log-hook';

const BUYER = 'e2e-buyer@example.com';
const apiLog = new ApiLogHook();

const productCard = Selector('[data-test="product-card"]');
const addToCart = Selector('[data-test="add-to-cart"]');
const cartBadge = Selector('[data-test="cart-count"]');
const checkoutButton = Selector('[data-test="checkout"]');
const emailInput = Selector('#email');
const cardInput = Selector('#card-number');
const payButton = Selector('[data-test="pay"]');
const confirmation = Selector('[data-test="order-confirmation"]');

fixture('Checkout')
  .page('/shop')
  .requestHooks(apiLog)
  .beforeEach(async () => {
    await resetCustomer(BUYER);
  });

test('guest can buy a mug with a test card', async (t) => {
  await t
    .click(productCard.withText('Enamel mug'))
    .click(addToCart)
    .expect(cartBadge.innerText).eql('1')
    .click(checkoutButton)
    .typeText(emailInput, BUYER)
    .typeText(cardInput, '4242 4242 4242 4242')
    .click(payButton)
    .expect(confirmation.visible).ok();

  const { rows } = await getPool().query('SELECT status, total_cents FROM orders WHERE email = $1', [BUYER]);
  await t.expect(rows.length).eql(1).expect(rows[0].status).eql('paid').expect(rows[0].total_cents).eql(1800);
  await t.expect(apiLog.serverErrors).eql(0);
});

test('declined card leaves no paid order', async (t) => {
  await t
    .click(productCard.withText('Enamel mug'))
    .click(addToCart)
    .click(checkoutButton)
    .typeText(emailInput, BUYER)
    .typeText(cardInput, '4000 0000 0000 0002')
    .click(payButton)
    .expect(Selector('[data-test="payment-error"]').innerText).contains('declined');

  const { rows } = await getPool().query("SELECT count(*)::int AS n FROM orders WHERE email = $1 AND status = 'paid'", [
    BUYER,
  ]);
  await t.expect(rows[0].n).eql(0);
});
