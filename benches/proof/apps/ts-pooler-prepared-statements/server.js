// An Express app on postgres.js behind a transaction-mode pooler (PgBouncer / Supabase's pooler
// on port 6543) with prepared statements left on.
import express from "express";
import postgres from "postgres";

const sql = postgres(process.env.DATABASE_URL ?? "postgres://app@127.0.0.1:6543/app");

const app = express();

app.get("/items/:id", async (req, res) => {
  try {
    const rows = await sql`select ${Number(req.params.id)}::int + 0 as id`;
    res.json({ id: rows[0].id });
  } catch (e) {
    res.status(500).json({ error: String(e.message) });
  }
});

app.listen(Number(process.env.PORT), "127.0.0.1");
