// node-gpsd has no type declarations
// @ts-ignore
import gpsd from "node-gpsd";
import type { Pool } from "mysql2/promise";
import { createPool } from "./db.js";

interface Tpv {
  class: "TPV";
  device: string;
  mode: number;
  time?: string;
  lat?: number;
  lon?: number;
  speed?: number;
  track?: number;
}

const vehicleId = process.env.VEHICLE_ID ?? "unknown";

function makeFixHandler(pool: Pool) {
  // invoked by the gpsd listener for every TPV report (about once a second)
  return async (tpv: Tpv): Promise<void> => {
    if (tpv.mode < 2 || tpv.lat === undefined || tpv.lon === undefined) return;
    const conn = await pool.getConnection();
    try {
      await conn.beginTransaction();
      await conn.execute(
        "INSERT INTO fixes (vehicle_id, device, lat, lon, speed, track, fixed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [vehicleId, tpv.device, tpv.lat, tpv.lon, tpv.speed ?? null, tpv.track ?? null, tpv.time ? new Date(tpv.time) : new Date()],
      );
      await conn.execute(
        "INSERT INTO last_position (vehicle_id, lat, lon, updated_at) VALUES (?, ?, ?, NOW()) ON DUPLICATE KEY UPDATE lat = VALUES(lat), lon = VALUES(lon), updated_at = NOW()",
        [vehicleId, tpv.lat, tpv.lon],
      );
      await conn.commit();
    } catch (err) {
      await conn.rollback().catch(() => undefined);
      console.error("failed to store fix", err);
    } finally {
      conn.release();
    }
  };
}

async function main(): Promise<void> {
  const pool = await createPool("worker");

  const listener = new gpsd.Listener({
    port: Number(process.env.GPSD_PORT ?? 2947),
    hostname: process.env.GPSD_HOST ?? "localhost",
    parse: true,
  });
  listener.on("TPV", makeFixHandler(pool));
  listener.on("disconnected", () => {
    console.warn("gpsd disconnected, reconnecting in 5s");
    setTimeout(() => listener.connect(() => listener.watch()), 5000);
  });
  listener.connect(() => listener.watch({ class: "WATCH", json: true }));

  process.on("SIGTERM", async () => {
    listener.unwatch();
    listener.disconnect();
    await pool.end();
    process.exit(0);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
