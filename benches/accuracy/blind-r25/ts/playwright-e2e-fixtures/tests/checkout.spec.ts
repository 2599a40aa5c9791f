import { test, expect } from './fixtures';

test.describe('checkout', () => {
  test.beforeEach(async ({ page, seededUser }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill(seededUser.email);
    await page.getByLabel('Password').fill(seededUser.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('link', { name: 'My account' })).toBeVisible();
  });

  test('adds an item and places an order', async ({ page, db, seededUser }) => {
    await page.goto('/products/espresso-beans-1kg');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByRole('link', { name: /Cart \(1\)/ }).click();
    await page.getByRole('button', { name: 'Checkout' }).click();
    await page.getByLabel('Card number').fill('4242 4242 4242 4242');
    await page.getByRole('button', { name: 'Pay now' }).click();
    await expect(page.getByRole('heading', { name: 'Thank you for your order' })).toBeVisible();

    const { rows } = await db.query<{ status: string; total_cents: number }>(
      'SELECT status, total_cents FROM orders WHERE user_id = $1 ORDER BY id DESC LIMIT 1',
      [seededUser.id],
    );
    expect(rows[0].status).toBe('paid');
    expect(rows[0].total_cents).toBeGreaterThan(0);
  });

  test('shows out-of-stock products as unavailable', async ({ page, db }) => {
    await db.query("UPDATE stock SET on_hand = 0 WHERE sku = 'GRINDER-X1'");
    try {
      await page.goto('/products/grinder-x1');
      await expect(page.getByRole('button', { name: 'Add to cart' })).toBeDisabled();
      await expect(page.getByText('Out of stock')).toBeVisible();
    } finally {
      await db.query("UPDATE stock SET on_hand = 25 WHERE sku = 'GRINDER-X1'");
    }
  });

  test('order history lists the seeded order', async ({ page, db, seededUser, request }) => {
    await db.query(
      `INSERT INTO orders (user_id, status, total_cents) VALUES ($1, 'shipped', 1899)`,
      [seededUser.id],
    );
    const api = await request.get('/api/health');
    expect(api.ok()).toBeTruthy();

    await page.goto('/account/orders');
    await expect(page.getByRole('row', { name: /shipped/ })).toHaveCount(1);
  });
});
