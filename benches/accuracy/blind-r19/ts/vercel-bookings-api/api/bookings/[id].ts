import type { VercelRequest, VercelResponse } from "@vercel/node";
import { sql } from "@vercel/postgres";
import { put } from "@vercel/blob";

export default async function handler(req: VercelRequest, res: VercelResponse) {
  const id = String(req.query.id);

  if (req.method === "GET") {
    const { rows } = await sql`SELECT * FROM bookings WHERE id = ${id}`;
    return rows[0] ? res.json(rows[0]) : res.status(404).end();
  }

  if (req.method === "POST" && req.query.action === "confirm") {
    const { rows } = await sql`
      UPDATE bookings SET status = 'confirmed' WHERE id = ${id} AND status = 'held' RETURNING *
    `;
    if (!rows[0]) return res.status(409).json({ error: "booking not in held state" });
    const receipt = `Booking ${id}\nRoom ${rows[0].room_id}\n${rows[0].starts_on} – ${rows[0].ends_on}\n`;
    const blob = await put(`receipts/${id}.txt`, receipt, { access: "public", contentType: "text/plain" });
    await sql`UPDATE bookings SET receipt_url = ${blob.url} WHERE id = ${id}`;
    return res.json({ ...rows[0], receipt_url: blob.url });
  }

  return res.status(405).end();
}
