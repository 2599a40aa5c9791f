import { pool } from "../db.js";

export async function user(req, res) {
  try {
    const { rows } = await pool.query("select $1::int as id, pg_sleep(0.2)", [req.params.id]);
    res.json({ id: rows[0].id });
  } catch (e) {
    res.status(500).json({ error: String(e.message) });
  }
}
