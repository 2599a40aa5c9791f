import type { Chunk, StorageAdapterInterface, StorageKey } from "@automerge/automerge-repo";
import type pg from "pg";

// automerge-repo calls these methods for every snapshot / incremental chunk it
// loads or saves. They only borrow connections from the pool handed in by main.
export class PgStorageAdapter implements StorageAdapterInterface {
  constructor(private readonly pool: pg.Pool) {}

  private static join(key: StorageKey): string {
    return key.join("/");
  }

  async load(key: StorageKey): Promise<Uint8Array | undefined> {
    const { rows } = await this.pool.query<{ data: Buffer }>("SELECT data FROM automerge_chunks WHERE key = $1", [
      PgStorageAdapter.join(key),
    ]);
    return rows.length ? new Uint8Array(rows[0].data) : undefined;
  }

  async save(key: StorageKey, data: Uint8Array): Promise<void> {
    await this.pool.query(
      `INSERT INTO automerge_chunks (key, data, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (key) DO UPDATE SET data = EXCLUDED.data, updated_at = now()`,
      [PgStorageAdapter.join(key), Buffer.from(data)]
    );
  }

  async remove(key: StorageKey): Promise<void> {
    await this.pool.query("DELETE FROM automerge_chunks WHERE key = $1", [PgStorageAdapter.join(key)]);
  }

  async loadRange(keyPrefix: StorageKey): Promise<Chunk[]> {
    const prefix = PgStorageAdapter.join(keyPrefix);
    const { rows } = await this.pool.query<{ key: string; data: Buffer }>(
      "SELECT key, data FROM automerge_chunks WHERE key = $1 OR key LIKE $2",
      [prefix, `${prefix}/%`]
    );
    return rows.map((r) => ({ key: r.key.split("/"), data: new Uint8Array(r.data) }));
  }

  async removeRange(keyPrefix: StorageKey): Promise<void> {
    const prefix = PgStorageAdapter.join(keyPrefix);
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("DELETE FROM automerge_chunks WHERE key = $1 OR key LIKE $2", [prefix, `${prefix}/%`]);
      await client.query("DELETE FROM document_index WHERE doc_id = $1", [keyPrefix[0]]);
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK");
      throw err;
    } finally {
      client.release();
    }
  }
}
