import { Async } from "boardgame.io/internal";
import type { LogEntry, Server, State, StorageAPI } from "boardgame.io";
import type pg from "pg";

/**
 * boardgame.io storage adapter. The framework calls these methods for every
 * move / lobby request; all of them borrow from the pool handed in at start-up.
 */
export class PostgresStorage extends Async {
  constructor(private readonly pool: pg.Pool) {
    super();
  }

  async connect(): Promise<void> {
    await this.pool.query(
      `CREATE TABLE IF NOT EXISTS bgio_matches (
         match_id text PRIMARY KEY,
         game_name text NOT NULL,
         state jsonb,
         initial_state jsonb,
         metadata jsonb NOT NULL,
         log jsonb NOT NULL DEFAULT '[]'::jsonb,
         updated_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
  }

  async createMatch(matchID: string, opts: StorageAPI.CreateMatchOpts): Promise<void> {
    await this.pool.query(
      `INSERT INTO bgio_matches (match_id, game_name, state, initial_state, metadata)
       VALUES ($1, $2, $3, $3, $4)`,
      [matchID, opts.metadata.gameName, JSON.stringify(opts.initialState), JSON.stringify(opts.metadata)],
    );
  }

  async setState(matchID: string, state: State, deltalog?: LogEntry[]): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const { rows } = await client.query<{ state: State | null }>(
        "SELECT state FROM bgio_matches WHERE match_id = $1 FOR UPDATE",
        [matchID],
      );
      const prev = rows[0]?.state;
      // ignore stale writes (same guard as the bundled FlatFile adapter)
      if (prev && prev._stateID >= state._stateID) {
        await client.query("ROLLBACK");
        return;
      }
      await client.query(
        `UPDATE bgio_matches
            SET state = $2, log = log || $3::jsonb, updated_at = now()
          WHERE match_id = $1`,
        [matchID, JSON.stringify(state), JSON.stringify(deltalog ?? [])],
      );
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK");
      throw err;
    } finally {
      client.release();
    }
  }

  async setMetadata(matchID: string, metadata: Server.MatchData): Promise<void> {
    await this.pool.query(
      "UPDATE bgio_matches SET metadata = $2, updated_at = now() WHERE match_id = $1",
      [matchID, JSON.stringify(metadata)],
    );
  }

  async fetch<O extends StorageAPI.FetchOpts>(
    matchID: string,
    opts: O,
  ): Promise<StorageAPI.FetchResult<O>> {
    const { rows } = await this.pool.query(
      "SELECT state, initial_state, metadata, log FROM bgio_matches WHERE match_id = $1",
      [matchID],
    );
    const row = rows[0];
    const result = {} as StorageAPI.FetchFields;
    if (!row) return result as StorageAPI.FetchResult<O>;
    if (opts.state) result.state = row.state;
    if (opts.initialState) result.initialState = row.initial_state;
    if (opts.metadata) result.metadata = row.metadata;
    if (opts.log) result.log = row.log;
    return result as StorageAPI.FetchResult<O>;
  }

  async wipe(matchID: string): Promise<void> {
    await this.pool.query("DELETE FROM bgio_matches WHERE match_id = $1", [matchID]);
  }

  async listMatches(opts?: StorageAPI.ListMatchesOpts): Promise<string[]> {
    const { rows } = await this.pool.query<{ match_id: string }>(
      `SELECT match_id FROM bgio_matches
        WHERE ($1::text IS NULL OR game_name = $1)
        ORDER BY updated_at DESC LIMIT 500`,
      [opts?.gameName ?? null],
    );
    return rows.map((r) => r.match_id);
  }
}
