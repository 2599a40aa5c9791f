import zero from '0http';
import { createPool, waitForDatabase } from '../lib/db.js';

const pool = createPool('web');
const { router, server } = zero();

function sendJson(res: any, status: number, body: unknown) {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}

router.get('/healthz', (_req: any, res: any) => sendJson(res, 200, { ok: true }));

router.get('/notes/by-tag/:tag', async (req: any, res: any) => {
  const limit = Math.min(Number(new URL(req.url, 'http://x').searchParams.get('limit') ?? 50), 200);
  const { rows } = await pool.query(
    `select n.id, n.pubkey, n.content, n.created_at
       from notes n join note_tags t on t.note_id = n.id
      where t.tag = $1
      order by n.created_at desc
      limit $2`,
    [String(req.params.tag).toLowerCase(), limit],
  );
  sendJson(res, 200, rows);
});

router.get('/authors/:pubkey/notes', async (req: any, res: any) => {
  const { rows } = await pool.query(
    'select id, content, created_at from notes where pubkey = $1 order by created_at desc limit 100',
    [req.params.pubkey],
  );
  if (rows.length === 0) return sendJson(res, 404, { error: 'unknown author' });
  sendJson(res, 200, rows);
});

async function start() {
  await waitForDatabase(pool);
  server.listen(Number(process.env.PORT ?? 8080), () => console.log('web listening'));
}

process.on('SIGTERM', async () => {
  server.close();
  await pool.end();
  process.exit(0);
});

start().catch((err) => {
  console.error(err);
  process.exit(1);
});
