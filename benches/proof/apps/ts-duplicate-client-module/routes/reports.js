// The reports routes, with a pool of their own to the same database (seed 002: "3 different files
// created separate connections").
import pg from "pg";

const reportsPool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

export async function report(req, res) {
  try {
    await reportsPool.query("select pg_sleep(0.2)");
    res.json({ ok: true });
  } catch (e) {
    res.status(500).json({ error: String(e.message) });
  }
}
