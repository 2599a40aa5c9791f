import dimse from 'dcmjs-dimse'
import { connectIndexDb, createArchiveS3 } from './clients.js'
import { makeStoreScp } from './scp.js'

const { Server } = dimse

async function main() {
  const pool = await connectIndexDb()
  const s3 = createArchiveS3()

  const StoreScp = makeStoreScp({
    pool,
    s3,
    bucket: process.env.ARCHIVE_BUCKET ?? 'pacs-archive',
    allowedAets: new Set((process.env.ALLOWED_AETS ?? 'CT01,MR01,US01').split(',')),
  })

  const server = new Server(StoreScp)
  server.on('networkError', (e: Error) => console.error('network error', e))
  const port = Number(process.env.DIMSE_PORT ?? 11112)
  server.listen(port)
  console.log(`C-STORE SCP listening on ${port}`)

  const stop = async () => {
    server.close()
    s3.destroy()
    await pool.end()
    process.exit(0)
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
