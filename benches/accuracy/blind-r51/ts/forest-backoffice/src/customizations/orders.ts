import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { CollectionCustomizer } from '@forestadmin/agent';

import { audit, pool } from '../db';

const REFUND_LIMIT_CENTS = 50_000;

export function customizeOrders(orders: CollectionCustomizer) {
  orders.addAction('Refund order', {
    scope: 'Single',
    form: [
      { label: 'Amount (cents)', type: 'Number', isRequired: true },
      { label: 'Reason', type: 'String', isRequired: true },
    ],
    execute: async (context, resultBuilder) => {
      const order = await context.getRecord(['id', 'total_cents', 'status']);
      const amount = Number(context.formValues['Amount (cents)']);

      const client = await pool.connect();
      await client.query('BEGIN');
      const { rows } = await client.query(
        'SELECT coalesce(sum(amount_cents), 0) AS refunded FROM refunds WHERE order_id = $1 FOR UPDATE',
        [order.id],
      );
      if (Number(rows[0].refunded) + amount > Math.min(order.total_cents, REFUND_LIMIT_CENTS)) {
        return resultBuilder.error('Refund exceeds what can be refunded from the back office');
      }
      await client.query(
        'INSERT INTO refunds (order_id, amount_cents, reason, created_by) VALUES ($1, $2, $3, $4)',
        [order.id, amount, context.formValues.Reason, context.caller.email],
      );
      await client.query('COMMIT');
      client.release();

      await audit(context.caller.email, 'refund', order.id);
      return resultBuilder.success(`Refunded ${(amount / 100).toFixed(2)} EUR`);
    },
  });

  orders.addAction('Export packing slip', {
    scope: 'Bulk',
    execute: async (context, resultBuilder) => {
      const ids = await context.getRecordIds();
      const { rows } = await pool.query(
        'SELECT o.id, o.reference, l.sku, l.quantity FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.id = ANY($1)',
        [ids],
      );
      const csv = ['order,reference,sku,quantity', ...rows.map((r) => `${r.id},${r.reference},${r.sku},${r.quantity}`)].join('\n');

      const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-west-1' });
      const key = `packing-slips/${Date.now()}-${context.caller.id}.csv`;
      await s3.send(
        new PutObjectCommand({ Bucket: process.env.EXPORT_BUCKET, Key: key, Body: csv, ContentType: 'text/csv' }),
      );

      return resultBuilder.success(`Packing slip uploaded to s3://${process.env.EXPORT_BUCKET}/${key}`);
    },
  });
}
