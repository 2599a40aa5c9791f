import { DeleteObjectsCommand } from '@aws-sdk/client-s3';
import type { RowDataPacket } from 'mysql2/promise';
import { ASSET_BUCKET, pool, s3 } from '../clients';

export interface PurgePayload {
  assetId: number;
}

export async function purgeAsset({ assetId }: PurgePayload): Promise<number> {
  const conn = await pool.getConnection();
  try {
    await conn.beginTransaction();
    const [rows] = await conn.query<RowDataPacket[]>(
      'SELECT s3_key FROM asset_thumbs WHERE asset_id = ? UNION SELECT s3_key FROM assets WHERE id = ?',
      [assetId, assetId],
    );
    if (rows.length > 0) {
      await s3.send(
        new DeleteObjectsCommand({
          Bucket: ASSET_BUCKET,
          Delete: { Objects: rows.map((r) => ({ Key: r.s3_key as string })), Quiet: true },
        }),
      );
    }
    await conn.execute('DELETE FROM asset_thumbs WHERE asset_id = ?', [assetId]);
    await conn.execute('DELETE FROM assets WHERE id = ?', [assetId]);
    await conn.commit();
    return rows.length;
  } catch (err) {
    await conn.rollback();
    throw err;
  } finally {
    conn.release();
  }
}
