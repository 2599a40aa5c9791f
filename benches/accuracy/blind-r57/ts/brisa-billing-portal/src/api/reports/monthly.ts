import type { RequestContext } from 'brisa';
import { S3Client, PutObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { monthlySummary, toCsv } from '../../lib/reporting';

const EXPORT_BUCKET = process.env.EXPORT_BUCKET ?? 'billing-portal-exports';

function parseYear(request: RequestContext): number {
  const raw = request.route.query.year;
  const year = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isInteger(year) && year > 2000 ? year : new Date().getUTCFullYear();
}

export async function GET(request: RequestContext) {
  const customerId = request.headers.get('x-customer-id');
  if (!customerId) return new Response('unauthorized', { status: 401 });

  const year = parseYear(request);
  const rows = await monthlySummary(customerId, year);
  return new Response(JSON.stringify({ year, months: rows }), {
    headers: { 'content-type': 'application/json' },
  });
}

// POST /api/reports/monthly?year=2024 -> CSV export, answered with a download link
export async function POST(request: RequestContext) {
  const customerId = request.headers.get('x-customer-id');
  if (!customerId) return new Response('unauthorized', { status: 401 });

  const year = parseYear(request);
  const csv = toCsv(await monthlySummary(customerId, year));
  const key = `monthly/${customerId}/${year}-${Date.now()}.csv`;

  const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-west-1' });
  await s3.send(
    new PutObjectCommand({
      Bucket: EXPORT_BUCKET,
      Key: key,
      Body: csv,
      ContentType: 'text/csv',
      ContentDisposition: `attachment; filename="billing-${year}.csv"`,
    }),
  );
  const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: EXPORT_BUCKET, Key: key }), {
    expiresIn: 900,
  });

  return new Response(JSON.stringify({ url, expiresIn: 900 }), {
    status: 201,
    headers: { 'content-type': 'application/json' },
  });
}
