import Database from "better-sqlite3";
import { InfluxDB, Point, type WriteApi } from "@influxdata/influxdb-client";
import type { Sample } from "./parse.js";

// Local buffer on the SD card, so nothing is lost while the uplink is down.
export class Outbox {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly pending: Database.Statement;
  private readonly remove: Database.Statement;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma("journal_mode = WAL");
    this.db.exec(`CREATE TABLE IF NOT EXISTS samples (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at INTEGER NOT NULL,
      json TEXT NOT NULL
    )`);
    this.insert = this.db.prepare("INSERT INTO samples (at, json) VALUES (?, ?)");
    this.pending = this.db.prepare("SELECT id, json FROM samples ORDER BY id LIMIT ?");
    this.remove = this.db.prepare("DELETE FROM samples WHERE id <= ?");
  }

  add(s: Sample): void {
    this.insert.run(s.at.getTime(), JSON.stringify(s));
  }

  take(limit: number): { lastId: number; samples: Sample[] } {
    const rows = this.pending.all(limit) as { id: number; json: string }[];
    const samples = rows.map((r) => {
      const s = JSON.parse(r.json);
      return { ...s, at: new Date(s.at) } as Sample;
    });
    return { lastId: rows.at(-1)?.id ?? 0, samples };
  }

  ack(lastId: number): void {
    this.remove.run(lastId);
  }

  close(): void {
    this.db.close();
  }
}

export function createInfluxWriter(stationId: string): WriteApi {
  const influx = new InfluxDB({ url: process.env.INFLUX_URL!, token: process.env.INFLUX_TOKEN });
  const writeApi = influx.getWriteApi(process.env.INFLUX_ORG!, process.env.INFLUX_BUCKET ?? "weather", "ms", {
    batchSize: 200,
    flushInterval: 15_000,
    maxRetries: 3,
  });
  writeApi.useDefaultTags({ station: stationId });
  return writeApi;
}

export function toPoint(s: Sample): Point {
  return new Point("weather")
    .floatField("temp_c", s.tempC)
    .floatField("humidity", s.humidity)
    .floatField("pressure_hpa", s.pressureHpa)
    .floatField("wind_ms", s.windMs)
    .intField("wind_dir", s.windDir)
    .floatField("rain_mm", s.rainMm)
    .timestamp(s.at);
}
