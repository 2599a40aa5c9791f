import { App, type Request, type Response } from '@tinyhttp/app';
import { logger } from '@tinyhttp/logger';
import { json } from 'milliparsec';
import { sql, type Note } from './db.js';
import { sendShareEmail } from './share.js';

const app = new App({
  onError: (err: any, _req: Request, res: Response) => {
    console.error(err);
    res.status(err.status ?? 500).json({ error: err.expose ? err.message : 'internal error' });
  },
});

app.use(logger());
app.use(json());

function ownerId(req: Request): number {
  const id = Number(req.get('x-user-id'));
  if (!Number.isInteger(id)) throw Object.assign(new Error('unauthenticated'), { status: 401, expose: true });
  return id;
}

app.get('/notes', async (req, res) => {
  const notes = await sql<Note[]>`
    select id, owner_id, title, updated_at from notes
    where owner_id = ${ownerId(req)} order by updated_at desc limit 100`;
  res.json(notes);
});

app.get('/notes/:id', async (req, res) => {
  const [note] = await sql<Note[]>`select * from notes where id = ${Number(req.params.id)} and owner_id = ${ownerId(req)}`;
  if (!note) return void res.status(404).json({ error: 'not found' });
  res.json(note);
});

app.put('/notes/:id', async (req, res) => {
  const { title, body, version } = req.body as { title: string; body: string; version: number };
  const id = Number(req.params.id);
  const updated = await sql.begin(async (tx) => {
    const [row] = await tx<Note[]>`
      update notes set title = ${title}, body = ${body}, version = version + 1, updated_at = now()
      where id = ${id} and owner_id = ${ownerId(req)} and version = ${version}
      returning *`;
    if (row) await tx`insert into note_revisions (note_id, version, body) values (${id}, ${row.version}, ${body})`;
    return row;
  });
  if (!updated) return void res.status(409).json({ error: 'version conflict' });
  res.json(updated);
});

app.post('/notes/:id/lock', async (req, res) => {
  const id = Number(req.params.id);
  const reserved = await sql.reserve();
  try {
    const [{ locked }] = await reserved`select pg_try_advisory_lock(${id}) as locked`;
    if (!locked) return void res.status(423).json({ error: 'note is being edited' });
    await reserved`update notes set locked_by = ${ownerId(req)} where id = ${id}`;
    await reserved`select pg_advisory_unlock(${id})`;
    res.json({ ok: true });
  } finally {
    reserved.release();
  }
});

app.post('/notes/:id/share', async (req, res) => {
  const { email } = req.body as { email: string };
  const [note] = await sql<Note[]>`select id, title from notes where id = ${Number(req.params.id)} and owner_id = ${ownerId(req)}`;
  if (!note) return void res.status(404).json({ error: 'not found' });
  const messageId = await sendShareEmail(email, note.title, `${process.env.PUBLIC_URL}/n/${note.id}`);
  res.status(202).json({ messageId });
});

const port = Number(process.env.PORT ?? 3000);
const server = app.listen(port, () => console.log(`notes on :${port}`));

process.on('SIGTERM', async () => {
  server.close();
  await sql.end({ timeout: 5 });
});
