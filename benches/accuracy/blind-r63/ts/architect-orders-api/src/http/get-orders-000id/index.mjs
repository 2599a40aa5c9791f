import arc from '@architect/functions';
import { withClient } from '@architect/shared/db.mjs';

async function getOrder(req) {
  const id = Number(req.pathParameters.id);
  if (!Number.isInteger(id)) {
    return { status: 400, json: { error: 'bad id' } };
  }
  const order = await withClient(async (client) => {
    const { rows } = await client.query(
      `select o.id, o.status, o.total_cents, o.created_at,
              coalesce(json_agg(l.*) filter (where l.id is not null), '[]') as lines
         from orders o left join order_lines l on l.order_id = o.id
        where o.id = $1
        group by o.id`,
      [id]
    );
    return rows[0];
  });
  if (!order) return { status: 404, json: { error: 'not found' } };
  return { json: order };
}

export const handler = arc.http(getOrder);
