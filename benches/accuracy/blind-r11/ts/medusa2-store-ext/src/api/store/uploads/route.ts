import type { MedusaRequest, MedusaResponse } from '@medusajs/framework/http';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { randomUUID } from 'node:crypto';

type UploadBody = { filename: string; contentType: string; dataBase64: string };

export async function POST(req: MedusaRequest<UploadBody>, res: MedusaResponse) {
  const { filename, contentType, dataBase64 } = req.body;
  if (!filename || !dataBase64) {
    res.status(400).json({ message: 'filename and dataBase64 are required' });
    return;
  }

  const s3 = new S3Client({ region: process.env.S3_REGION ?? 'eu-central-1' });
  const key = `customer-uploads/${randomUUID()}-${filename}`;
  await s3.send(
    new PutObjectCommand({
      Bucket: process.env.S3_BUCKET!,
      Key: key,
      Body: Buffer.from(dataBase64, 'base64'),
      ContentType: contentType,
    }),
  );

  res.status(201).json({ key });
}
