import type { VercelRequest, VercelResponse } from "@vercel/node";
import { sql } from "@vercel/postgres";
import { kv } from "@vercel/kv";

export default async function handler(req: VercelRequest, res: VercelResponse) {
  if (req.headers.authorization !== `Bearer ${process.env.CRON_SECRET}`) {
    return res.status(401).end();
  }
  const { rows } = await sql`
    UPDATE bookings SET status = 'cancelled'
    WHERE status = 'held' AND created_at < now() - interval '30 minutes'
    RETURNING id, room_id
  `;
  if (rows.length) {
    await kv.del(...rows.map((r) => `availability:${r.room_id}`));
  }
  return res.json({ expired: rows.length });
}
