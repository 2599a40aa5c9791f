import { Client } from "pg";

export interface PendingImage {
  id: number;
  product_id: string;
  source_key: string;
}

export async function nextBatch(db: Client, afterId: number, size: number): Promise<PendingImage[]> {
  const { rows } = await db.query<PendingImage>(
    `SELECT id, product_id, source_key
       FROM product_images
      WHERE thumbs_rendered_at IS NULL AND id > $1
      ORDER BY id
      LIMIT $2`,
    [afterId, size],
  );
  return rows;
}

export async function markRendered(db: Client, id: number, keys: string[]): Promise<void> {
  await db.query(
    `UPDATE product_images SET thumbs_rendered_at = now(), thumb_keys = $2 WHERE id = $1`,
    [id, keys],
  );
}

export async function markFailed(db: Client, id: number, error: string): Promise<void> {
  await db.query(
    `UPDATE product_images SET thumb_error = $2, thumb_attempts = thumb_attempts + 1 WHERE id = $1`,
    [id, error.slice(0, 500)],
  );
}
