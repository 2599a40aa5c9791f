import { createError, defineEventHandler, readValidatedBody } from 'h3';
import { z } from 'zod';
import { sql } from '../../../db';

const CheckoutBody = z.object({
  cartId: z.string().uuid(),
  email: z.string().email(),
  items: z
    .array(z.object({ productId: z.number().int(), qty: z.number().int().positive() }))
    .min(1),
});

export default defineEventHandler(async (event) => {
  const body = await readValidatedBody(event, CheckoutBody.parse);

  // Reserve a dedicated connection: we need session-level advisory locks
  // around the stock check so two carts can't both take the last item.
  const reserved = await sql.reserve();

  await reserved`select pg_advisory_lock(hashtext(${body.cartId}))`;

  let totalCents = 0;
  for (const item of body.items) {
    const [row] = await reserved<{ stock: number; price_cents: number }[]>`
      select stock, price_cents from products where id = ${item.productId} for update
    `;
    if (!row || row.stock < item.qty) {
      throw createError({
        statusCode: 409,
        statusMessage: `product ${item.productId} is out of stock`,
      });
    }
    totalCents += row.price_cents * item.qty;
  }

  const [order] = await reserved<{ id: number }[]>`
    insert into orders (cart_id, email, total_cents, status)
    values (${body.cartId}, ${body.email}, ${totalCents}, 'pending')
    returning id
  `;
  for (const item of body.items) {
    await reserved`
      update products set stock = stock - ${item.qty} where id = ${item.productId}
    `;
  }

  await reserved`select pg_advisory_unlock(hashtext(${body.cartId}))`;
  reserved.release();

  return { orderId: order.id, totalCents };
});
