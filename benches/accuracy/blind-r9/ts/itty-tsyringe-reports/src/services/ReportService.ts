import { injectable } from 'tsyringe';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { Database } from './Database';

const BUCKET = process.env.REPORTS_BUCKET ?? 'acme-reports';

@injectable()
export class ReportService {
  constructor(private readonly db: Database) {}

  async monthlyRevenue(accountId: string, month: string) {
    const { rows } = await this.db.pool.query(
      `SELECT date_trunc('day', paid_at) AS day, sum(amount_cents) AS cents
         FROM payments WHERE account_id = $1 AND to_char(paid_at, 'YYYY-MM') = $2
        GROUP BY 1 ORDER BY 1`,
      [accountId, month],
    );
    return rows;
  }

  async exportCsv(accountId: string, month: string): Promise<string> {
    const rows = await this.monthlyRevenue(accountId, month);
    const csv = ['day,cents', ...rows.map(r => `${r.day.toISOString().slice(0, 10)},${r.cents}`)].join('\n');
    const key = `${accountId}/${month}.csv`;

    const s3 = new S3Client({ region: process.env.AWS_REGION });
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: csv, ContentType: 'text/csv' }));
    return getSignedUrl(s3, new GetObjectCommand({ Bucket: BUCKET, Key: key }), { expiresIn: 900 });
  }

  async closeMonth(accountId: string, month: string): Promise<void> {
    const client = await this.db.pool.connect();
    await client.query('BEGIN');
    await client.query(
      'INSERT INTO closed_months (account_id, month, closed_at) VALUES ($1, $2, now())',
      [accountId, month],
    );
    await client.query('UPDATE payments SET locked = true WHERE account_id = $1 AND to_char(paid_at, $3) = $2', [
      accountId,
      month,
      'YYYY-MM',
    ]);
    await client.query('COMMIT');
    client.release();
  }
}
