import { Writable } from 'node:stream';
import type { Pool } from 'pg';

export interface ParcelRow {
  apn: string;
  owner_name: string;
  situs_address: string;
  land_use: string;
  acreage: string;
  assessed_value: string;
}

/**
 * Object-mode sink: _write is called once per parsed CSV record.
 * Records are buffered and flushed in batches through the pool it was given.
 */
export class ParcelUpsertSink extends Writable {
  private batch: ParcelRow[] = [];
  public written = 0;

  constructor(private readonly pool: Pool, private readonly batchSize = 500) {
    super({ objectMode: true, highWaterMark: batchSize });
  }

  override _write(row: ParcelRow, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.batch.push(row);
    if (this.batch.length < this.batchSize) {
      cb();
      return;
    }
    this.flush().then(() => cb(), cb);
  }

  override _final(cb: (err?: Error | null) => void): void {
    this.flush().then(() => cb(), cb);
  }

  private async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const rows = this.batch;
    this.batch = [];
    await this.pool.query(
      `INSERT INTO parcels (apn, owner_name, situs_address, land_use, acreage, assessed_value)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::numeric[], $6::bigint[])
       ON CONFLICT (apn) DO UPDATE SET owner_name = EXCLUDED.owner_name,
         situs_address = EXCLUDED.situs_address, land_use = EXCLUDED.land_use,
         acreage = EXCLUDED.acreage, assessed_value = EXCLUDED.assessed_value`,
      [
        rows.map((r) => r.apn),
        rows.map((r) => r.owner_name),
        rows.map((r) => r.situs_address),
        rows.map((r) => r.land_use),
        rows.map((r) => r.acreage || null),
        rows.map((r) => r.assessed_value || null),
      ],
    );
    this.written += rows.length;
  }
}
