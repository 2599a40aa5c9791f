import { fromPromise } from "xstate";
import { Redis } from "ioredis";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { pool, type OrderInput } from "./db.js";

export class OutOfStockError extends Error {
  constructor(public readonly sku: string) {
    super(`out of stock: ${sku}`);
  }
}

export const reserveStock = fromPromise(async ({ input }: { input: OrderInput }) => {
  const client = await pool.connect();
  await client.query("BEGIN");
  for (const line of input.lines) {
    const { rowCount } = await client.query(
      `UPDATE stock SET reserved = reserved + $1
        WHERE sku = $2 AND warehouse = $3 AND on_hand - reserved >= $1`,
      [line.qty, line.sku, input.warehouse],
    );
    if (rowCount === 0) {
      throw new OutOfStockError(line.sku);
    }
  }
  await client.query(
    `INSERT INTO reservations (order_id, warehouse, created_at) VALUES ($1, $2, now())`,
    [input.orderId, input.warehouse],
  );
  await client.query("COMMIT");
  client.release();
  return { reserved: input.lines.length };
});

export const chargePayment = fromPromise(async ({ input }: { input: OrderInput }) => {
  const res = await fetch(`${process.env.PAYMENTS_URL}/v1/charges`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "idempotency-key": `order-${input.orderId}`,
      authorization: `Bearer ${process.env.PAYMENTS_KEY}`,
    },
    body: JSON.stringify({ token: input.paymentToken, amount: input.totalCents, currency: "eur" }),
  });
  if (!res.ok) {
    throw new Error(`payment declined (${res.status})`);
  }
  const body = (await res.json()) as { chargeId: string };
  return body;
});

export const uploadPackingSlip = fromPromise(
  async ({ input }: { input: { order: OrderInput; chargeId: string } }) => {
    const s3 = new S3Client({ region: process.env.AWS_REGION ?? "eu-west-1" });
    const slip = [
      `ORDER ${input.order.orderId}`,
      `CHARGE ${input.chargeId}`,
      ...input.order.lines.map((l) => `${l.qty} x ${l.sku}`),
    ].join("\n");
    const key = `${input.order.warehouse}/${input.order.orderId}.txt`;
    await s3.send(
      new PutObjectCommand({
        Bucket: process.env.SLIP_BUCKET,
        Key: key,
        Body: slip,
        ContentType: "text/plain",
      }),
    );
    return { slipKey: key };
  },
);

export const notifyWarehouse = fromPromise(
  async ({ input }: { input: { order: OrderInput; slipKey: string } }) => {
    const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
    try {
      await redis.xadd(
        `picklist:${input.order.warehouse}`,
        "*",
        "order",
        input.order.orderId,
        "slip",
        input.slipKey,
      );
    } finally {
      await redis.quit();
    }
  },
);

export const releaseStock = fromPromise(async ({ input }: { input: OrderInput }) => {
  await pool.query(`DELETE FROM reservations WHERE order_id = $1`, [input.orderId]);
  for (const line of input.lines) {
    await pool.query(
      `UPDATE stock SET reserved = greatest(reserved - $1, 0) WHERE sku = $2 AND warehouse = $3`,
      [line.qty, line.sku, input.warehouse],
    );
  }
});
