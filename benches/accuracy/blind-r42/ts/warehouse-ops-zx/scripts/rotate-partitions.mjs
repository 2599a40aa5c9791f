#!/usr/bin/env zx
// Monthly (run by hand or by the CI schedule): create next month's partitions of
// stock_movements on every regional shard and drop partitions older than 13 months.
import 'zx/globals'
import pg from 'pg'

const shards = (process.env.SHARD_DATABASE_URLS ?? '').split(',').filter(Boolean)
if (shards.length === 0) {
  echo(chalk.red('SHARD_DATABASE_URLS is empty'))
  process.exit(2)
}

function monthStart(offset) {
  const d = new Date()
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1))
}
const fmt = (d) => d.toISOString().slice(0, 7).replace('-', '_')
const next = monthStart(1)
const after = monthStart(2)
const expired = monthStart(-13)

// Each shard is a separate database, so each gets its own short-lived connection.
for (const url of shards) {
  const host = new URL(url).hostname
  const client = new pg.Client({ connectionString: url, application_name: 'rotate-partitions' })
  await client.connect()
  try {
    await client.query(
      `CREATE TABLE IF NOT EXISTS stock_movements_${fmt(next)}
         PARTITION OF stock_movements FOR VALUES FROM ('${next.toISOString()}') TO ('${after.toISOString()}')`,
    )
    await client.query(`DROP TABLE IF EXISTS stock_movements_${fmt(expired)}`)
    echo(chalk.green(`${host}: created ${fmt(next)}, dropped ${fmt(expired)}`))
  } finally {
    await client.end()
  }
}
