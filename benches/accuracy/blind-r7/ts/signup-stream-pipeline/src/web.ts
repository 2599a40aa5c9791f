// Web process: small read API in front of the signups table.
import uWS from 'uWebSockets.js';
import pg from 'pg';
import { config } from './config.js';

const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 6 });

function sendJson(res: uWS.HttpResponse, body: unknown, status = '200 OK') {
  res.cork(() => {
    res.writeStatus(status).writeHeader('content-type', 'application/json').end(JSON.stringify(body));
  });
}

uWS
  .App()
  .get('/signups/count', (res) => {
    let aborted = false;
    res.onAborted(() => {
      aborted = true;
    });
    pool
      .query<{ n: number }>('SELECT count(*)::int AS n FROM signups')
      .then(({ rows }) => {
        if (!aborted) sendJson(res, rows[0]);
      })
      .catch(() => {
        if (!aborted) sendJson(res, { error: 'db' }, '503 Service Unavailable');
      });
  })
  .get('/signups/recent', (res, req) => {
    const plan = req.getQuery('plan') ?? 'free';
    let aborted = false;
    res.onAborted(() => {
      aborted = true;
    });
    pool
      .query('SELECT email, plan, created_at FROM signups WHERE plan = $1 ORDER BY created_at DESC LIMIT 20', [plan])
      .then(({ rows }) => {
        if (!aborted) sendJson(res, rows);
      })
      .catch(() => {
        if (!aborted) sendJson(res, { error: 'db' }, '503 Service Unavailable');
      });
  })
  .listen(config.port, (token) => {
    if (!token) {
      console.error(`failed to listen on ${config.port}`);
      process.exit(1);
    }
    console.log(`signups api on :${config.port}`);
  });
