import http from 'node:http'
import { createCatalogServer } from './generated/catalog.twirp'
import { catalogService } from './service'
import { pool } from './db'
import { mongo } from './mongo'

const twirp = createCatalogServer(catalogService).withPrefix('/twirp')

twirp.on('error', (_ctx, err) => {
  console.error('twirp error', err.code, err.message)
})

const server = http.createServer(twirp.httpHandler())

async function main(): Promise<void> {
  await mongo.connect()
  server.listen(Number(process.env.PORT ?? 8080), () => {
    console.log('catalog twirp listening on', server.address())
  })
}

process.once('SIGTERM', () => {
  server.close(async () => {
    await pool.end()
    await mongo.close()
    process.exit(0)
  })
})

void main()
