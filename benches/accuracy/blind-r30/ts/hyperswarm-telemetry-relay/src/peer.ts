import b4a from "b4a";
import type pg from "pg";
import type Redis from "ioredis";

export interface Deps {
  pool: pg.Pool;
  redis: Redis;
}

interface Frame {
  seq: number;
  metric: string;
  value: number;
  ts: number;
}

// One PeerSession per swarm connection. It only keeps references to the
// process-wide pool and redis client; it never opens its own connections.
class PeerSession {
  private buffer = "";
  private readonly deviceKey: string;

  constructor(
    private readonly conn: any,
    publicKey: Buffer,
    private readonly deps: Deps,
  ) {
    this.deviceKey = b4a.toString(publicKey, "hex");
  }

  async onData(chunk: Buffer): Promise<void> {
    this.buffer += b4a.toString(chunk, "utf8");
    let nl: number;
    const frames: Frame[] = [];
    while ((nl = this.buffer.indexOf("\n")) >= 0) {
      const line = this.buffer.slice(0, nl);
      this.buffer = this.buffer.slice(nl + 1);
      if (line) frames.push(JSON.parse(line));
    }
    if (frames.length === 0) return;

    const client = await this.deps.pool.connect();
    try {
      await client.query("BEGIN");
      for (const f of frames) {
        await client.query(
          "INSERT INTO telemetry (device_key, seq, metric, value, ts) VALUES ($1, $2, $3, $4, to_timestamp($5 / 1000.0)) ON CONFLICT DO NOTHING",
          [this.deviceKey, f.seq, f.metric, f.value, f.ts],
        );
      }
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }

    const last = frames[frames.length - 1];
    await this.deps.redis.hset(`device:${this.deviceKey}`, { lastSeq: last.seq, lastSeen: Date.now() });
    this.conn.write(b4a.from(JSON.stringify({ ack: last.seq }) + "\n"));
  }

  async onClose(): Promise<void> {
    await this.deps.redis.hset(`device:${this.deviceKey}`, { online: 0 });
  }
}

export function makePeerHandler(deps: Deps) {
  return (conn: any, info: { publicKey: Buffer }) => {
    const session = new PeerSession(conn, info.publicKey, deps);
    conn.on("data", (chunk: Buffer) =>
      session.onData(chunk).catch((err) => {
        console.error("frame batch failed", err);
        conn.destroy(err);
      }),
    );
    conn.on("close", () => void session.onClose());
    conn.on("error", (err: Error) => console.warn("peer error", err.message));
  };
}
