import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { ASSET_BUCKET, pool } from '../clients';

export interface ThumbnailPayload {
  assetId: number;
  key: string;
  widths: number[];
}

export async function renderThumbnails(payload: ThumbnailPayload): Promise<string[]> {
  const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-west-1' });

  const original = await s3.send(new GetObjectCommand({ Bucket: ASSET_BUCKET, Key: payload.key }));
  const input = Buffer.from(await original.Body!.transformToByteArray());

  const keys: string[] = [];
  for (const width of payload.widths) {
    const output = await sharp(input).resize({ width, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
    const key = `thumbs/${payload.assetId}/${width}.webp`;
    await s3.send(
      new PutObjectCommand({ Bucket: ASSET_BUCKET, Key: key, Body: output, ContentType: 'image/webp' }),
    );
    keys.push(key);
  }

  const conn = await pool.getConnection();
  await conn.beginTransaction();
  await conn.execute('DELETE FROM asset_thumbs WHERE asset_id = ?', [payload.assetId]);
  for (const key of keys) {
    await conn.execute('INSERT INTO asset_thumbs (asset_id, s3_key) VALUES (?, ?)', [payload.assetId, key]);
  }
  await conn.execute("UPDATE assets SET thumb_state = 'ready' WHERE id = ?", [payload.assetId]);
  await conn.commit();
  conn.release();

  return keys;
}
