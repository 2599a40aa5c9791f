import bodyParser from 'body-parser';
import type { Request, Response, Router } from 'express';
import { closeStores, getCache, getPool, openStores } from './store';

export const info = {
  id: 'memory-vault',
  name: 'Memory Vault',
  description: 'Stores summarised chat memories and serves them back to the prompt builder.',
};

const EMBEDDINGS_URL = process.env.ST_EMBEDDINGS_URL ?? 'http://127.0.0.1:5100/embed';
const RECENT_TTL_SECONDS = 600;

async function embed(text: string): Promise<number[]> {
  const res = await fetch(EMBEDDINGS_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ input: text }),
  });
  if (!res.ok) throw new Error(`embedding server returned ${res.status}`);
  const json = (await res.json()) as { embedding: number[] };
  return json.embedding;
}

export async function init(router: Router): Promise<void> {
  openStores({
    databaseUrl: process.env.ST_MEMORY_DB ?? 'postgres://st@localhost:5432/st_memory',
    redisUrl: process.env.ST_MEMORY_REDIS ?? 'redis://127.0.0.1:6379/3',
  });
  const jsonParser = bodyParser.json({ limit: '2mb' });

  router.get('/memories/:chatId', async (req: Request, res: Response) => {
    const key = `mv:recent:${req.params.chatId}`;
    const cached = await getCache().get(key);
    if (cached) return res.type('application/json').send(cached);

    const { rows } = await getPool().query(
      'SELECT id, summary, created_at FROM memories WHERE chat_id = $1 ORDER BY created_at DESC LIMIT 20',
      [req.params.chatId],
    );
    const body = JSON.stringify(rows);
    await getCache().set(key, body, 'EX', RECENT_TTL_SECONDS);
    return res.type('application/json').send(body);
  });

  router.post('/memories/:chatId', jsonParser, async (req: Request, res: Response) => {
    const { summary, character } = req.body as { summary: string; character: string };
    if (!summary) return res.status(400).send({ error: 'summary is required' });
    const vector = await embed(summary);

    const client = await getPool().connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query(
        `INSERT INTO memories (chat_id, character, summary, embedding)
         VALUES ($1, $2, $3, $4::vector) RETURNING id`,
        [req.params.chatId, character, summary, JSON.stringify(vector)],
      );
      await client.query(
        'UPDATE chats SET memory_count = memory_count + 1 WHERE id = $1',
        [req.params.chatId],
      );
      await client.query('COMMIT');
      await getCache().del(`mv:recent:${req.params.chatId}`);
      return res.status(201).send({ id: rows[0].id });
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      console.error('[memory-vault] insert failed', err);
      return res.status(500).send({ error: 'could not store memory' });
    } finally {
      client.release();
    }
  });

  router.post('/search', jsonParser, async (req: Request, res: Response) => {
    const { chatId, query, k = 5 } = req.body as { chatId: string; query: string; k?: number };
    const vector = await embed(query);
    const { rows } = await getPool().query(
      `SELECT id, summary, 1 - (embedding <=> $2::vector) AS score
         FROM memories WHERE chat_id = $1
        ORDER BY embedding <=> $2::vector LIMIT $3`,
      [chatId, JSON.stringify(vector), Math.min(k, 20)],
    );
    return res.send(rows);
  });

  console.log('[memory-vault] routes mounted under /api/plugins/memory-vault');
}

export async function exit(): Promise<void> {
  await closeStores();
  console.log('[memory-vault] stores closed');
}

export default { init, exit, info };
