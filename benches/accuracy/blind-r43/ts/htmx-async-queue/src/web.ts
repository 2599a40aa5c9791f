import { createServer } from 'node:http';
import { createPool } from './lib/db.js';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

async function main(): Promise<void> {
  const pool = await createPool('web');

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    try {
      if (req.method === 'GET' && url.pathname === '/jobs') {
        const { rows } = await pool.query(
          `SELECT id, invoice_no, status, attempts FROM render_jobs ORDER BY created_at DESC LIMIT 50`,
        );
        const html = rows
          .map(
            (j) =>
              `<tr><td>${esc(j.invoice_no)}</td><td>${j.status}</td><td>${j.attempts}</td>` +
              `<td><button hx-post="/jobs/${j.id}/retry" hx-target="closest tr" hx-swap="outerHTML">retry</button></td></tr>`,
          )
          .join('');
        res.writeHead(200, { 'content-type': 'text/html' }).end(html);
        return;
      }

      const m = /^\/jobs\/(\d+)\/retry$/.exec(url.pathname);
      if (req.method === 'POST' && m) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const { rows } = await client.query(
            `UPDATE render_jobs SET status = 'queued', attempts = 0, last_error = NULL WHERE id = $1 RETURNING id, invoice_no, status, attempts`,
            [m[1]],
          );
          await client.query(`INSERT INTO render_job_audit (job_id, action, at) VALUES ($1, 'manual-retry', now())`, [m[1]]);
          await client.query('COMMIT');
          const j = rows[0];
          res.writeHead(200, { 'content-type': 'text/html' }).end(
            j ? `<tr><td>${esc(j.invoice_no)}</td><td>${j.status}</td><td>${j.attempts}</td><td></td></tr>` : '',
          );
        } catch (err) {
          await client.query('ROLLBACK');
          throw err;
        } finally {
          client.release();
        }
        return;
      }
      res.writeHead(404).end();
    } catch (err) {
      console.error(err);
      res.writeHead(500, { 'content-type': 'text/html' }).end('<p class="error">Something went wrong</p>');
    }
  });

  server.listen(Number(process.env.PORT ?? 3000));
  process.once('SIGTERM', () => server.close(() => void pool.end()));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
