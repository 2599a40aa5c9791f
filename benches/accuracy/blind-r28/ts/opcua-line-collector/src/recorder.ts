import type pg from "pg";
import type { ClickHouseClient } from "@clickhouse/client";
import type { DataValue } from "node-opcua";

export interface TagSpec {
  name: string;
  nodeId: string;
  alarmAbove?: number;
}

interface Sample {
  line: string;
  tag: string;
  ts: string;
  value: number;
  quality: number;
}

/** Built once in main; `record` is called for every OPC UA value change. */
export class Recorder {
  private buffer: Sample[] = [];
  private readonly alarmActive = new Set<string>();

  constructor(
    private readonly line: string,
    private readonly pool: pg.Pool,
    private readonly clickhouse: ClickHouseClient,
  ) {}

  record(tag: TagSpec, dataValue: DataValue): void {
    const value = Number(dataValue.value.value);
    if (!Number.isFinite(value)) return;
    const ts = (dataValue.sourceTimestamp ?? new Date()).toISOString().replace("T", " ").slice(0, 23);
    this.buffer.push({ line: this.line, tag: tag.name, ts, value, quality: dataValue.statusCode.value });

    if (tag.alarmAbove !== undefined) {
      const above = value > tag.alarmAbove;
      if (above && !this.alarmActive.has(tag.name)) {
        this.alarmActive.add(tag.name);
        void this.raiseAlarm(tag, value).catch((err) => console.error(`alarm ${tag.name}: ${err}`));
      } else if (!above) {
        this.alarmActive.delete(tag.name);
      }
    }
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    try {
      await this.clickhouse.insert({ table: "tag_samples", values: batch, format: "JSONEachRow" });
    } catch (err) {
      // keep the samples for the next flush, bounded to ~5 minutes of data
      this.buffer = batch.concat(this.buffer).slice(-50_000);
      throw err;
    }
  }

  private async raiseAlarm(tag: TagSpec, value: number): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const { rows } = await client.query<{ id: number }>(
        "INSERT INTO alarms (line, tag, value, threshold, raised_at) VALUES ($1, $2, $3, $4, now()) RETURNING id",
        [this.line, tag.name, value, tag.alarmAbove],
      );
      await client.query("SELECT pg_notify('line_alarms', $1)", [JSON.stringify({ id: rows[0].id, line: this.line, tag: tag.name })]);
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK");
      throw err;
    } finally {
      client.release();
    }
  }
}
