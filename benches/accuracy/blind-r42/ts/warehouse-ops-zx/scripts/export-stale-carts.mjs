#!/usr/bin/env zx
// One-off export of carts untouched for N days, gzipped and copied to the analytics bucket.
// Usage: zx scripts/export-stale-carts.mjs --days 30
import 'zx/globals'
import { createWriteStream } from 'node:fs'
import { MongoClient } from 'mongodb'

const days = Number(argv.days ?? 30)
const cutoff = new Date(Date.now() - days * 86_400_000)
const out = `stale-carts-${new Date().toISOString().slice(0, 10)}.ndjson`

const mongo = new MongoClient(process.env.CARTS_MONGO_URL, { appName: 'export-stale-carts' })
try {
  await mongo.connect()
  const carts = mongo.db('storefront').collection('carts')
  const stream = createWriteStream(out)
  let n = 0
  for await (const cart of carts.find({ updatedAt: { $lt: cutoff } }, { projection: { sessionId: 0 } })) {
    stream.write(JSON.stringify(cart) + '\n')
    n++
  }
  await new Promise((resolve) => stream.end(resolve))
  echo(`exported ${n} carts older than ${days} days`)
} finally {
  await mongo.close()
}

await $`gzip -f ${out}`
await $`aws s3 cp ${out}.gz s3://${process.env.ANALYTICS_BUCKET}/carts/${out}.gz`
