// An Express app whose node-postgres pool is larger than the server allows (max 50 against a
// server with max_connections = 30).
import express from "express";
import pg from "pg";

export const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 50 });

const app = express();

app.get("/report", async (req, res) => {
  try {
    await pool.query("select pg_sleep(0.3)");
    res.json({ ok: true });
  } catch (e) {
    res.status(500).json({ error: String(e.message) });
  }
});

app.listen(Number(process.env.PORT), "127.0.0.1");
