import type { Chunk, StorageAdapterInterface, StorageKey } from '@automerge/automerge-repo';
import type pg from 'pg';

const SEP = '/';

// Stores Automerge chunks in a single table keyed by the joined StorageKey.
export class PostgresStorageAdapter implements StorageAdapterInterface {
  constructor(private readonly pool: pg.Pool) {}

  async load(key: StorageKey): Promise<Uint8Array | undefined> {
    const { rows } = await this.pool.query<{ data: Buffer }>(
      'SELECT data FROM automerge_chunks WHERE key = $1',
      [key.join(SEP)],
    );
    return rows[0] ? new Uint8Array(rows[0].data) : undefined;
  }

  async save(key: StorageKey, data: Uint8Array): Promise<void> {
    await this.pool.query(
      `INSERT INTO automerge_chunks (key, prefix, data) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET data = EXCLUDED.data`,
      [key.join(SEP), key[0], Buffer.from(data)],
    );
  }

  async remove(key: StorageKey): Promise<void> {
    await this.pool.query('DELETE FROM automerge_chunks WHERE key = $1', [key.join(SEP)]);
  }

  async loadRange(keyPrefix: StorageKey): Promise<Chunk[]> {
    const { rows } = await this.pool.query<{ key: string; data: Buffer }>(
      'SELECT key, data FROM automerge_chunks WHERE key LIKE $1',
      [keyPrefix.join(SEP) + '%'],
    );
    return rows.map((r) => ({ key: r.key.split(SEP), data: new Uint8Array(r.data) }));
  }

  async removeRange(keyPrefix: StorageKey): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('DELETE FROM automerge_chunks WHERE key LIKE $1', [keyPrefix.join(SEP) + '%']);
      await client.query('DELETE FROM automerge_doc_meta WHERE doc_id = $1', [keyPrefix[0]]);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    } finally {
      client.release();
    }
  }
}
