import { createServer } from 'node:http'
import { createPool } from './db.js'

const pool = createPool('web')

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost')
  if (req.method === 'GET' && url.pathname === '/stats/top-pages') {
    const hours = Math.min(Number(url.searchParams.get('hours') ?? 24), 168)
    try {
      const { rows } = await pool.query(
        `SELECT path, count(*)::int AS views
           FROM page_views
          WHERE viewed_at > now() - make_interval(hours => $1)
          GROUP BY path ORDER BY views DESC LIMIT 20`,
        [hours],
      )
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(rows))
    } catch (err) {
      console.error(err)
      res.writeHead(500).end()
    }
    return
  }
  res.writeHead(404).end()
})

server.listen(Number(process.env.PORT ?? 8080))

process.on('SIGTERM', () => {
  server.close(() => pool.end().then(() => process.exit(0)))
})
