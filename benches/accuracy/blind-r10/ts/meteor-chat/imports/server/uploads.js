import { Random } from 'meteor/random';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

const s3 = new S3Client({ region: process.env.AWS_REGION });

export async function signAttachmentUpload(roomId, fileName, contentType) {
  const key = `rooms/${roomId}/${Random.id()}-${fileName.replace(/[^\w.-]/g, '_')}`;
  const url = await getSignedUrl(
    s3,
    new PutObjectCommand({ Bucket: process.env.ATTACHMENT_BUCKET, Key: key, ContentType: contentType }),
    { expiresIn: 300 }
  );
  return { key, url };
}
