import Redis from 'ioredis';
import type { Application, Request, Response } from 'express';
import type { Pool } from 'pg';
import type { Logger } from '@verdaccio/types';

const STATS_TTL_SECONDS = 300;

export function registerDownloadRoutes(app: Application, pool: Pool, redisUrl: string, logger: Logger): void {
  // GET /-/stats/:scope/:name  -> cached download counters for the UI badge
  app.get('/-/stats/:scope/:name', async (req: Request, res: Response) => {
    const pkg = `${req.params.scope}/${req.params.name}`;
    const cache = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await cache.connect();
      const hit = await cache.get(`stats:${pkg}`);
      if (hit) {
        res.type('application/json').send(hit);
        return;
      }
      const { rows } = await pool.query(
        `SELECT date_trunc('day', ts) AS day, count(*)::int AS downloads
           FROM tarball_downloads WHERE package = $1 AND ts > now() - interval '30 days'
          GROUP BY 1 ORDER BY 1`,
        [pkg],
      );
      const body = JSON.stringify({ package: pkg, days: rows });
      await cache.set(`stats:${pkg}`, body, 'EX', STATS_TTL_SECONDS);
      res.type('application/json').send(body);
    } catch (err) {
      logger.error({ err: (err as Error).message }, 'pg-auth: stats failed: @{err}');
      res.status(500).json({ error: 'stats unavailable' });
    } finally {
      cache.disconnect();
    }
  });

  // POST /-/stats/:scope/:name/hit  -> called by the CDN log shipper per tarball download
  app.post('/-/stats/:scope/:name/hit', async (req: Request, res: Response) => {
    const pkg = `${req.params.scope}/${req.params.name}`;
    const version = String(req.query.v ?? 'unknown');
    const conn = await pool.connect();
    await conn.query('BEGIN');
    await conn.query('INSERT INTO tarball_downloads (package, version, ts) VALUES ($1, $2, now())', [
      pkg,
      version,
    ]);
    await conn.query(
      `INSERT INTO package_totals (package, downloads) VALUES ($1, 1)
       ON CONFLICT (package) DO UPDATE SET downloads = package_totals.downloads + 1`,
      [pkg],
    );
    await conn.query('COMMIT');
    conn.release();
    res.status(204).end();
  });
}
