// An Express route that checks a client out of the node-postgres pool and never releases it.
import express from "express";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

const app = express();

app.get("/users/:id", async (req, res) => {
  try {
    const client = await pool.connect();
    const { rows } = await client.query("select $1::int as id, pg_sleep(0.05)", [req.params.id]);
    res.json({ id: rows[0].id });
  } catch (e) {
    res.status(500).json({ error: String(e.message) });
  }
});

app.listen(Number(process.env.PORT), "127.0.0.1");
