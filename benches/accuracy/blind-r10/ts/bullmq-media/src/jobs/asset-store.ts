import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 5 });

export async function saveVariant(assetId: string, variant: string, s3Key: string, bytes: number) {
  await pool.query(
    `INSERT INTO asset_variants (asset_id, variant, s3_key, bytes)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (asset_id, variant) DO UPDATE SET s3_key = EXCLUDED.s3_key, bytes = EXCLUDED.bytes`,
    [assetId, variant, s3Key, bytes],
  );
}

export async function markAsset(assetId: string, status: 'ready' | 'failed') {
  await pool.query('UPDATE assets SET status = $1, updated_at = now() WHERE id = $2', [status, assetId]);
}
