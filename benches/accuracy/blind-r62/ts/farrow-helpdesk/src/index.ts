import { Http, Response } from 'farrow-http';
import { Int, ObjectType, String as Str } from 'farrow-schema';
import { pool, useDb, withDb } from './db';
import { closeSearchClients, searchFor } from './search';

class NewTicket extends ObjectType {
  subject = Str;
  body = Str;
  priority = Int;
}

const http = Http();

http.use(withDb);

http.get('/tickets/<id:int>').use(async (request) => {
  const db = useDb();
  const { rows } = await db.query('SELECT * FROM tickets WHERE id = $1', [request.params.id]);
  if (rows.length === 0) return Response.status(404).json({ error: 'not found' });
  return Response.json(rows[0]);
});

http.post('/tickets', { body: NewTicket }).use(async (request) => {
  const tenant = String(request.headers?.['x-tenant'] ?? '');
  if (!tenant) return Response.status(400).json({ error: 'x-tenant header required' });

  const db = useDb();
  await db.query('BEGIN');
  try {
    const { rows: [ticket] } = await db.query(
      `INSERT INTO tickets (tenant, subject, body, priority)
       VALUES ($1, $2, $3, $4) RETURNING id, created_at`,
      [tenant, request.body.subject, request.body.body, request.body.priority],
    );
    await db.query('INSERT INTO ticket_events (ticket_id, kind) VALUES ($1, $2)', [ticket.id, 'created']);
    await db.query('COMMIT');

    await searchFor(tenant).index({
      index: 'tickets',
      id: String(ticket.id),
      body: { subject: request.body.subject, body: request.body.body, created_at: ticket.created_at },
    });
    return Response.status(201).json(ticket);
  } catch (err) {
    await db.query('ROLLBACK');
    throw err;
  }
});

http.get('/search?<q:string>').use(async (request) => {
  const tenant = String(request.headers?.['x-tenant'] ?? '');
  const result = await searchFor(tenant).search({
    index: 'tickets',
    body: { query: { multi_match: { query: request.query.q, fields: ['subject^2', 'body'] } } },
  });
  return Response.json(result.body.hits.hits.map((h: any) => ({ id: h._id, ...h._source })));
});

const server = http.listen(Number(process.env.PORT ?? 3000), () => {
  console.log('helpdesk api listening');
});

process.once('SIGTERM', () => {
  server.close(async () => {
    await closeSearchClients();
    await pool.end();
  });
});
