import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';

import { createPool } from './db';
import type { ChildMessage, ParentMessage } from './protocol';

// This module runs in its own forked process; these are built once per child.
const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-central-1' });
const pool = createPool('renderer');

function reply(msg: ChildMessage) {
  process.send?.(msg);
}

// One 'message' event per job the supervisor hands over.
process.on('message', async (msg: ParentMessage) => {
  if (msg.type !== 'render') return;
  const { job } = msg;
  try {
    const source = await s3.send(new GetObjectCommand({ Bucket: job.bucket, Key: job.sourceKey }));
    const input = Buffer.from(await source.Body!.transformToByteArray());

    for (const width of job.widths) {
      const output = await sharp(input).resize({ width }).webp({ quality: 80 }).toBuffer();
      const key = job.sourceKey.replace(/\.[^.]+$/, `_${width}.webp`);
      await s3.send(
        new PutObjectCommand({ Bucket: job.bucket, Key: key, Body: output, ContentType: 'image/webp' }),
      );
      await pool.query('INSERT INTO renditions (job_id, width, s3_key, bytes) VALUES ($1, $2, $3, $4)', [
        job.id,
        width,
        key,
        output.length,
      ]);
    }
    reply({ type: 'done', jobId: job.id });
  } catch (err) {
    reply({ type: 'failed', jobId: job.id, error: String(err) });
  }
});

process.on('disconnect', async () => {
  s3.destroy();
  await pool.end();
  process.exit(0);
});

reply({ type: 'ready' });
