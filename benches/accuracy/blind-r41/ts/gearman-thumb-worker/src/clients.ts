import mysql from 'mysql2/promise';
import { S3Client } from '@aws-sdk/client-s3';

export const pool = mysql.createPool({
  uri: process.env.CMS_DATABASE_URL,
  connectionLimit: 8,
  waitForConnections: true,
  enableKeepAlive: true,
});

export const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-west-1' });

export const ASSET_BUCKET = process.env.ASSET_BUCKET ?? 'cms-assets';
