import { createCheerioRouter } from 'crawlee';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import { openDb, upsertPrice } from './db.js';
import { markSeen } from './seen.js';

export const router = createCheerioRouter();

router.addDefaultHandler(async ({ enqueueLinks, log }) => {
  log.info('listing page, enqueueing products');
  await enqueueLinks({ globs: ['https://shop.example.com/p/**'], label: 'DETAIL' });
  await enqueueLinks({ globs: ['https://shop.example.com/c/**?page=*'] });
});

router.addHandler('DETAIL', async ({ request, $, log, enqueueLinks }) => {
  const sku = $('[data-sku]').attr('data-sku')?.trim();
  if (!sku) {
    log.warning(`no sku on ${request.url}`);
    return;
  }
  if (!(await markSeen(sku))) return;

  const price = Number($('meta[itemprop="price"]').attr('content') ?? '0');
  const db = openDb();
  try {
    await upsertPrice(db, {
      sku,
      title: $('h1').first().text().trim(),
      priceCents: Math.round(price * 100),
      currency: $('meta[itemprop="priceCurrency"]').attr('content') ?? 'EUR',
      url: request.loadedUrl ?? request.url,
    });
  } finally {
    await db.end();
  }

  await enqueueLinks({ selector: 'img.product-main', label: 'IMAGE', userData: { sku } });
});

router.addHandler('IMAGE', async ({ request, body }) => {
  const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-west-1' });
  await s3.send(
    new PutObjectCommand({
      Bucket: process.env.IMAGE_BUCKET,
      Key: `products/${request.userData.sku}.jpg`,
      Body: body as Buffer,
      ContentType: 'image/jpeg',
    }),
  );
});
