import net from "node:net";
import { decodeMultiStream } from "@msgpack/msgpack";
import type { Pool } from "mysql2/promise";
import { createPool } from "./db";

interface Sample { meter: string; ts: number; kwh: number }

function handleSocket(pool: Pool) {
  return async (socket: net.Socket) => {
    socket.on("error", (err) => console.warn("meter socket error", err.message));
    let batch: Sample[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const rows = batch.map((s) => [s.meter, new Date(s.ts * 1000), s.kwh]);
      batch = [];
      await pool.query("INSERT INTO sample (meter_id, taken_at, kwh) VALUES ?", [rows]);
    };
    try {
      for await (const msg of decodeMultiStream(socket)) {
        batch.push(msg as Sample);
        if (batch.length >= 200) await flush();
      }
      await flush();
    } catch (err) {
      console.error("ingest failed", err);
      socket.destroy();
    }
  };
}

async function main(): Promise<void> {
  const pool = await createPool("ingest");
  const server = net.createServer(handleSocket(pool));
  server.listen(Number(process.env.INGEST_PORT ?? 7070));
  process.on("SIGTERM", () => server.close(() => pool.end().then(() => process.exit(0))));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
