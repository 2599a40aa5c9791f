import { createServer, type Server, type ServerResponse } from 'node:http';
import pg from 'pg';

// The leaderboard endpoint is polled by the OBS browser source.
const db = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 3,
  application_name: 'yt-overlay-http',
});

const streams = new Set<ServerResponse>();

export function broadcast(event: string, data: unknown): void {
  const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
  for (const res of streams) {
    res.write(frame);
  }
}

async function leaderboard(): Promise<unknown[]> {
  const { rows } = await db.query(
    `SELECT viewer_name, total_cents
       FROM superchat_totals
      ORDER BY total_cents DESC
      LIMIT 10`,
  );
  return rows;
}

export function startOverlayServer(port: number): Server {
  const server = createServer(async (req, res) => {
    if (req.url === '/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'access-control-allow-origin': '*',
      });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }

    if (req.url === '/leaderboard') {
      try {
        const body = JSON.stringify(await leaderboard());
        res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
        res.end(body);
      } catch (err) {
        console.error('leaderboard failed', err);
        res.writeHead(500).end();
      }
      return;
    }

    res.writeHead(404).end();
  });

  server.on('close', () => void db.end());
  server.listen(port, () => console.log(`overlay on http://127.0.0.1:${port}`));
  return server;
}
