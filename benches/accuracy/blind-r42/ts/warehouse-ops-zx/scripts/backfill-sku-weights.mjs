#!/usr/bin/env zx
// One-off: load shipping weights from the supplier CSV into products.weight_grams.
// Usage: zx scripts/backfill-sku-weights.mjs --file weights.csv [--dry-run]
import 'zx/globals'
import pg from 'pg'

const file = argv.file
if (!file) {
  echo(chalk.red('--file is required'))
  process.exit(2)
}

const lines = (await fs.readFile(file, 'utf8')).split('\n').slice(1).filter(Boolean)
echo(`read ${lines.length} rows from ${path.basename(file)}`)

const client = new pg.Client({ connectionString: process.env.DATABASE_URL, application_name: 'backfill-weights' })
await client.connect()
try {
  await client.query('BEGIN')
  let updated = 0
  for (const line of lines) {
    const [sku, grams] = line.split(',').map((s) => s.trim())
    const res = await client.query(
      'UPDATE products SET weight_grams = $2 WHERE sku = $1 AND weight_grams IS DISTINCT FROM $2',
      [sku, Number(grams)],
    )
    updated += res.rowCount ?? 0
  }
  if (argv['dry-run']) {
    await client.query('ROLLBACK')
    echo(chalk.yellow(`dry run: would update ${updated} products`))
  } else {
    await client.query('COMMIT')
    echo(chalk.green(`updated ${updated} products`))
  }
} catch (err) {
  await client.query('ROLLBACK').catch(() => {})
  throw err
} finally {
  await client.end()
}
