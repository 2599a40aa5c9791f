import type { VercelRequest, VercelResponse } from "@vercel/node";
import { db, sql } from "@vercel/postgres";
import { z } from "zod";
import { allow } from "../../lib/rate-limit.js";

const NewBooking = z.object({
  roomId: z.string().uuid(),
  guestEmail: z.string().email(),
  from: z.string().date(),
  to: z.string().date(),
});

export default async function handler(req: VercelRequest, res: VercelResponse) {
  if (req.method === "GET") {
    const { rows } = await sql`
      SELECT id, room_id, guest_email, starts_on, ends_on, status
      FROM bookings WHERE starts_on >= current_date ORDER BY starts_on LIMIT 100
    `;
    return res.status(200).json(rows);
  }

  if (req.method !== "POST") return res.status(405).end();

  const ip = (req.headers["x-forwarded-for"] as string | undefined)?.split(",")[0] ?? "unknown";
  if (!(await allow(`book:${ip}`, 10, 60))) return res.status(429).json({ error: "slow down" });

  const parsed = NewBooking.safeParse(req.body);
  if (!parsed.success) return res.status(400).json(parsed.error.flatten());
  const b = parsed.data;

  const client = await db.connect();
  try {
    await client.sql`BEGIN`;
    const clash = await client.sql`
      SELECT 1 FROM bookings
      WHERE room_id = ${b.roomId} AND status <> 'cancelled'
        AND daterange(starts_on, ends_on) && daterange(${b.from}::date, ${b.to}::date)
      FOR UPDATE
    `;
    if (clash.rowCount) {
      await client.sql`ROLLBACK`;
      return res.status(409).json({ error: "room already booked for those dates" });
    }
    const { rows } = await client.sql`
      INSERT INTO bookings (room_id, guest_email, starts_on, ends_on, status)
      VALUES (${b.roomId}, ${b.guestEmail}, ${b.from}, ${b.to}, 'held')
      RETURNING id
    `;
    await client.sql`COMMIT`;
    return res.status(201).json({ id: rows[0].id, status: "held" });
  } catch (err) {
    await client.sql`ROLLBACK`;
    throw err;
  } finally {
    client.release();
  }
}
