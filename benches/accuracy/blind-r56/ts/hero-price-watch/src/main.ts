#!/usr/bin/env node
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { connectWithRetry, loadTargets, recordPrice } from './db.js';
import { scrapeTarget } from './scrape.js';

const BUCKET = process.env.SHOTS_BUCKET ?? 'acme-price-watch';

async function main(): Promise<number> {
  const pool = await connectWithRetry(process.env.DATABASE_URL ?? 'postgres://pricewatch@localhost/pricing');
  const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-west-1' });
  const runDate = new Date().toISOString().slice(0, 10);
  let failures = 0;

  try {
    const targets = await loadTargets(pool);
    console.log(`price-watch ${runDate}: ${targets.length} targets`);

    for (const target of targets) {
      try {
        const result = await scrapeTarget(target);
        let shotKey: string | null = null;
        if (result.screenshot) {
          shotKey = `${runDate}/${target.competitor}/${target.id}.png`;
          await s3.send(new PutObjectCommand({
            Bucket: BUCKET,
            Key: shotKey,
            Body: result.screenshot,
            ContentType: 'image/png',
          }));
        }
        await recordPrice(pool, target.id, result.priceCents, shotKey);
        console.log(`${target.competitor} #${target.id}: ${result.priceCents ?? 'n/a'}`);
      } catch (err) {
        failures++;
        console.error(`failed ${target.url}:`, (err as Error).message);
        await recordPrice(pool, target.id, null, null).catch(() => {});
      }
    }
  } finally {
    s3.destroy();
    await pool.end();
  }
  return failures > 0 ? 2 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
