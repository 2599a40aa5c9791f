import { pool } from '@/lib/db';

export async function POST(request: Request, { id }: Record<string, string>) {
  const body = (await request.json()) as { status: 'delivered' | 'failed'; note?: string };
  if (body.status !== 'delivered' && body.status !== 'failed') {
    return Response.json({ error: 'bad status' }, { status: 400 });
  }
  const { rowCount } = await pool.query(
    'UPDATE deliveries SET status = $2, note = $3, updated_at = now() WHERE id = $1',
    [id, body.status, body.note ?? null],
  );
  return rowCount ? Response.json({ ok: true }) : Response.json({ error: 'not found' }, { status: 404 });
}
