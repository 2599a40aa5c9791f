import { createAction, Property } from '@activepieces/pieces-framework';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { warehouseAuth, WarehouseAuth } from '../auth';
import { getPool, makeArchiveClient, toCsv } from '../common';

export const exportReport = createAction({
  auth: warehouseAuth,
  name: 'export_orders_report',
  displayName: 'Export orders report',
  description: 'Write the orders of a date range as CSV into the archive bucket.',
  props: {
    from: Property.DateTime({ displayName: 'From', required: true }),
    to: Property.DateTime({ displayName: 'To', required: true }),
    prefix: Property.ShortText({ displayName: 'Key prefix', required: false, defaultValue: 'reports/orders' }),
  },
  async run(context) {
    const auth = context.auth as WarehouseAuth;
    const { from, to, prefix } = context.propsValue;

    const { rows } = await getPool(auth).query(
      `SELECT o.id, o.created_at, c.email, o.total_cents, o.currency, o.status
         FROM orders o JOIN customers c ON c.id = o.customer_id
        WHERE o.created_at >= $1 AND o.created_at < $2
        ORDER BY o.created_at`,
      [from, to],
    );

    const s3 = makeArchiveClient(auth);
    const key = `${prefix ?? 'reports/orders'}/${from.slice(0, 10)}_${to.slice(0, 10)}.csv`;
    await s3.send(
      new PutObjectCommand({
        Bucket: auth.bucket,
        Key: key,
        Body: toCsv(rows),
        ContentType: 'text/csv',
      }),
    );
    return { bucket: auth.bucket, key, rows: rows.length };
  },
});
