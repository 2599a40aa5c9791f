import { command, option, string } from 'cmd-ts'
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { closeClients, openClients } from '../clients.js'

export const snapshot = command({
  name: 'snapshot',
  description: 'Upload a CSV stock snapshot of one warehouse to S3',
  args: {
    warehouse: option({ type: string, long: 'warehouse', short: 'w' }),
    bucket: option({ type: string, long: 'bucket', defaultValue: () => 'wh-snapshots' }),
  },
  handler: async ({ warehouse, bucket }) => {
    const clients = await openClients()
    try {
      const { rows } = await clients.db.query<{ sku: string; on_hand: number }>(
        'SELECT sku, on_hand FROM stock WHERE warehouse = $1 ORDER BY sku',
        [warehouse],
      )
      const csv = ['sku,on_hand', ...rows.map((r) => `${r.sku},${r.on_hand}`)].join('\n')
      const key = `${warehouse}/${new Date().toISOString().slice(0, 10)}.csv`
      await clients.s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: csv }))
      await clients.redis.set(`snapshot:last:${warehouse}`, key)
      console.log(`uploaded s3://${bucket}/${key} (${rows.length} rows)`)
    } finally {
      await closeClients(clients)
    }
  },
})
