import pg from "pg";

export const db = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
});

export async function listBookings(userId: string) {
  const { rows } = await db.query(
    "SELECT id, court, starts_at, ends_at FROM bookings WHERE user_id = $1 AND starts_at > now() ORDER BY starts_at",
    [userId],
  );
  return rows;
}
