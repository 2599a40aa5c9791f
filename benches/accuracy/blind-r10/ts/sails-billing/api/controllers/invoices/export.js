const { S3Client, PutObjectCommand, GetObjectCommand } = require('@aws-sdk/client-s3');
const { getSignedUrl } = require('@aws-sdk/s3-request-presigner');
const pool = require('../../../lib/ledger-pool');

const BUCKET = process.env.EXPORT_BUCKET;

module.exports = {
  friendlyName: 'Export invoices',

  inputs: {
    month: { type: 'string', required: true, regex: /^\d{4}-\d{2}$/ },
  },

  fn: async function ({ month }) {
    const [rows] = await pool.query(
      "SELECT id, customer_id, currency, total_cents, paid_cents, status, created_at FROM invoices WHERE DATE_FORMAT(created_at, '%Y-%m') = ? ORDER BY id",
      [month]
    );

    const header = 'id,customer_id,currency,total_cents,paid_cents,status,created_at';
    const csv = [header]
      .concat(rows.map((r) => [r.id, r.customer_id, r.currency, r.total_cents, r.paid_cents, r.status, r.created_at.toISOString()].join(',')))
      .join('\n');

    const s3 = new S3Client({ region: process.env.AWS_REGION });
    const key = `exports/invoices-${month}-${Date.now()}.csv`;
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: csv, ContentType: 'text/csv' }));
    const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: BUCKET, Key: key }), { expiresIn: 900 });

    return { url, rows: rows.length };
  },
};
