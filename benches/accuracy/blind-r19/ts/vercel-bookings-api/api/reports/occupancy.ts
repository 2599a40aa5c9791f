import type { VercelRequest, VercelResponse } from "@vercel/node";
import { replicaPool } from "../../lib/replica.js";

export default async function handler(req: VercelRequest, res: VercelResponse) {
  const month = String(req.query.month ?? new Date().toISOString().slice(0, 7));
  const { rows } = await replicaPool().query(
    `SELECT room_id, count(*) FILTER (WHERE status = 'confirmed') AS nights
     FROM bookings, generate_series(starts_on, ends_on - 1, interval '1 day') d
     WHERE to_char(d, 'YYYY-MM') = $1
     GROUP BY room_id ORDER BY nights DESC`,
    [month],
  );
  res.setHeader("cache-control", "s-maxage=300");
  return res.json(rows);
}
