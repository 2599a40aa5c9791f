import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { isCancel, log, spinner, text } from '@clack/prompts';
import type { Db } from 'mongodb';

export async function exportInvoices(db: Db): Promise<void> {
  const month = await text({
    message: 'Month to export (YYYY-MM)',
    validate: (v) => (/^\d{4}-\d{2}$/.test(v) ? undefined : 'Use YYYY-MM'),
  });
  if (isCancel(month)) return;

  const s = spinner();
  s.start(`Collecting invoices for ${month}`);
  const from = new Date(`${month}-01T00:00:00Z`);
  const to = new Date(from);
  to.setUTCMonth(to.getUTCMonth() + 1);

  const rows = await db
    .collection('invoices')
    .find({ issuedAt: { $gte: from, $lt: to } }, { projection: { _id: 0, number: 1, customerId: 1, total: 1, issuedAt: 1 } })
    .toArray();
  const csv = ['number,customer,total,issued_at', ...rows.map((r) => `${r.number},${r.customerId},${r.total},${r.issuedAt.toISOString()}`)].join('\n');

  const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-west-1' });
  await s3.send(
    new PutObjectCommand({
      Bucket: process.env.EXPORT_BUCKET ?? 'support-exports',
      Key: `invoices/${month}.csv`,
      Body: csv,
      ContentType: 'text/csv',
    }),
  );
  s.stop(`Uploaded ${rows.length} invoices`);
  log.success(`s3://${process.env.EXPORT_BUCKET ?? 'support-exports'}/invoices/${month}.csv`);
}
