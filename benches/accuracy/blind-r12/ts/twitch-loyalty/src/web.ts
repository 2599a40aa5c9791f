import express from "ultimate-express";
import { createPool } from "./db.js";

const pool = createPool("loyalty-web");
const app = express();
app.use(express.json());

app.get("/api/:channel/leaderboard", async (req, res) => {
  const { rows } = await pool.query(
    "SELECT login, points FROM viewers WHERE channel = $1 ORDER BY points DESC LIMIT 25",
    [`#${req.params.channel}`],
  );
  res.json(rows);
});

app.get("/api/:channel/redemptions", async (req, res) => {
  const since = req.query.since ? new Date(String(req.query.since)) : new Date(Date.now() - 86_400_000);
  const { rows } = await pool.query(
    "SELECT login, reward, created_at FROM redemptions WHERE channel = $1 AND created_at >= $2 ORDER BY created_at DESC",
    [`#${req.params.channel}`, since],
  );
  res.json(rows);
});

app.post("/api/:channel/rewards", async (req, res) => {
  const { slug, cost } = req.body as { slug: string; cost: number };
  await pool.query(
    "INSERT INTO rewards (channel, slug, cost) VALUES ($1, $2, $3) ON CONFLICT (channel, slug) DO UPDATE SET cost = EXCLUDED.cost",
    [`#${req.params.channel}`, slug, cost],
  );
  res.status(204).end();
});

app.listen(Number(process.env.PORT ?? 8080), () => console.log("loyalty dashboard up"));
