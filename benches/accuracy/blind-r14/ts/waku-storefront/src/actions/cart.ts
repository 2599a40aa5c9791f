'use server';

import Redis from 'ioredis';
import { sql } from '../lib/db';

export async function addToCart(cartId: string, productId: number, quantity: number) {
  const redis = new Redis(process.env.REDIS_URL!);
  await redis.hincrby(`cart:${cartId}`, String(productId), quantity);
  await redis.expire(`cart:${cartId}`, 60 * 60 * 24 * 7);
  const items = await redis.hgetall(`cart:${cartId}`);
  return Object.values(items).reduce((n, q) => n + Number(q), 0);
}

export async function reserveStock(orderId: string, productId: number, quantity: number) {
  // The advisory lock must be taken and released on the same backend connection.
  const conn = await sql.reserve();
  await conn`select pg_advisory_lock(${productId})`;
  const [row] = await conn<{ stock: number }[]>`select stock from products where id = ${productId}`;
  if (!row || row.stock < quantity) {
    throw new Error('not enough stock');
  }
  await conn`update products set stock = stock - ${quantity} where id = ${productId}`;
  await conn`insert into stock_reservations (order_id, product_id, quantity) values (${orderId}, ${productId}, ${quantity})`;
  await conn`select pg_advisory_unlock(${productId})`;
  conn.release();
  return { ok: true as const };
}
