import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Pool } from 'pg';

// One pool for the whole server process.
export const pool = new Pool({
  connectionString: process.env.DATABASE_URL ?? 'postgres://yjs:yjs@localhost:5432/collab',
  max: 15,
});

// Workspaces are pinned to a data-residency region; one S3 client per region, built on first use.
const s3ByRegion = new Map<string, S3Client>();

export function s3For(region: string): S3Client {
  let client = s3ByRegion.get(region);
  if (!client) {
    client = new S3Client({ region });
    s3ByRegion.set(region, client);
  }
  return client;
}

export async function workspaceRegion(docName: string): Promise<{ region: string; bucket: string }> {
  const workspace = docName.split(':')[0];
  const { rows } = await pool.query<{ region: string; bucket: string }>(
    'SELECT region, snapshot_bucket AS bucket FROM workspaces WHERE slug = $1',
    [workspace],
  );
  return rows[0] ?? { region: 'eu-west-1', bucket: 'collab-snapshots-eu' };
}

export async function loadSnapshot(docName: string): Promise<Uint8Array | null> {
  const { region, bucket } = await workspaceRegion(docName);
  try {
    const obj = await s3For(region).send(new GetObjectCommand({ Bucket: bucket, Key: `docs/${docName}.ydoc` }));
    return obj.Body ? await obj.Body.transformToByteArray() : null;
  } catch (err) {
    if ((err as { name?: string }).name === 'NoSuchKey') return null;
    throw err;
  }
}

export async function saveSnapshot(docName: string, state: Uint8Array): Promise<void> {
  const { region, bucket } = await workspaceRegion(docName);
  await s3For(region).send(
    new PutObjectCommand({ Bucket: bucket, Key: `docs/${docName}.ydoc`, Body: state }),
  );
}
