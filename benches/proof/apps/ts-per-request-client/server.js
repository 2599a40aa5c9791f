// An Express route that builds a node-postgres pool on every request (seed 002: "each API request
// created a new connection", there with MongoClient).
import express from "express";
import pg from "pg";

const app = express();

app.get("/users/:id", async (req, res) => {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
  try {
    const { rows } = await pool.query("select $1::int as id, pg_sleep(0.05)", [req.params.id]);
    res.json({ id: rows[0].id });
  } catch (e) {
    res.status(500).json({ error: String(e.message) });
  }
});

app.listen(Number(process.env.PORT), "127.0.0.1");
