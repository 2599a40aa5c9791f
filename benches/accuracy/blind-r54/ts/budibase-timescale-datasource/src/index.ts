import { IntegrationBase } from "@budibase/types"
import { Pool } from "pg"
import { aggregate, bucketInterval, ident, qualified } from "./sql"

interface TimescaleConfig {
  connectionString: string
  ssl: boolean
  schema?: string
}

interface IngestQuery {
  json: {
    hypertable: string
    rows: Record<string, string | number | boolean | null>[]
  }
}

interface BucketQuery {
  hypertable: string
  bucket: string
  valueColumn: string
  aggregate: string
  from: string
  to: string
}

interface RetentionQuery {
  hypertable: string
  olderThan: string
}

class TimescaleIntegration implements IntegrationBase {
  private readonly pool: Pool
  private readonly schema: string

  constructor(config: TimescaleConfig) {
    this.schema = config.schema || "public"
    this.pool = new Pool({
      connectionString: config.connectionString,
      ssl: config.ssl ? { rejectUnauthorized: false } : false,
      max: 4,
      idleTimeoutMillis: 60_000,
    })
  }

  async create(query: IngestQuery) {
    const { hypertable, rows } = query.json
    if (!rows || rows.length === 0) {
      return { inserted: 0 }
    }
    const columns = Object.keys(rows[0])
    const target = qualified(this.schema, hypertable)
    const columnList = columns.map(ident).join(", ")

    const client = await this.pool.connect()
    await client.query("BEGIN")
    let inserted = 0
    for (const row of rows) {
      const values = columns.map(c => row[c])
      const placeholders = values.map((_, i) => `$${i + 1}`).join(", ")
      await client.query(
        `INSERT INTO ${target} (${columnList}) VALUES (${placeholders})`,
        values
      )
      inserted++
    }
    await client.query("COMMIT")
    client.release()
    return { inserted }
  }

  async read(query: BucketQuery) {
    const target = qualified(this.schema, query.hypertable)
    const width = bucketInterval(query.bucket)
    const agg = aggregate(query.aggregate, query.valueColumn)
    const { rows } = await this.pool.query(
      `SELECT time_bucket($1::interval, "time") AS bucket, ${agg} AS value
         FROM ${target}
        WHERE "time" >= $2 AND "time" < $3
        GROUP BY bucket
        ORDER BY bucket`,
      [width, query.from, query.to]
    )
    return rows
  }

  async delete(query: RetentionQuery) {
    const target = qualified(this.schema, query.hypertable)
    const { rows } = await this.pool.query(
      `SELECT drop_chunks($1::regclass, older_than => $2::interval) AS chunk`,
      [target, query.olderThan]
    )
    return { droppedChunks: rows.map(r => r.chunk) }
  }
}

export default TimescaleIntegration
