import http from 'node:http'
import path from 'node:path'
import * as exegesis from 'exegesis'
import { createPool } from '../lib/db'
import { setPool } from '../lib/deps'

async function main() {
  const pool = await createPool('web')
  setPool(pool)

  const middleware = await exegesis.compileApi(path.resolve(__dirname, 'openapi.yaml'), {
    controllers: path.resolve(__dirname, 'controllers'),
    controllersPattern: '**/*.js',
    allowMissingControllers: false,
  })

  const server = http.createServer((req, res) => {
    middleware!(req, res, (err) => {
      if (err) {
        console.error(err)
        res.writeHead(500, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ message: 'internal error' }))
        return
      }
      res.writeHead(404, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ message: 'not found' }))
    })
  })

  server.listen(Number(process.env.PORT ?? 8080))

  process.on('SIGTERM', () => {
    server.close(() => {
      pool.close(10).finally(() => process.exit(0))
    })
  })
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
