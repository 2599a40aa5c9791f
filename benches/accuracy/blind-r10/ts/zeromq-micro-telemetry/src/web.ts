import type { IncomingMessage, ServerResponse } from 'node:http';
import { send } from 'micro';
import { createPool } from './db';

const pool = createPool('web');

export default async function handler(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://localhost');

  if (req.method === 'GET' && url.pathname === '/healthz') {
    await pool.query('SELECT 1');
    return send(res, 200, { ok: true });
  }

  const match = url.pathname.match(/^\/devices\/([\w-]+)\/readings$/);
  if (req.method === 'GET' && match) {
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 100), 1000);
    const { rows } = await pool.query(
      'SELECT ts, value FROM readings WHERE device_id = $1 ORDER BY ts DESC LIMIT $2',
      [match[1], limit],
    );
    return send(res, 200, rows);
  }

  return send(res, 404, { error: 'not found' });
}
