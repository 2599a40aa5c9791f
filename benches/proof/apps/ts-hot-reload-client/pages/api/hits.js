import { redis } from "../../lib/redis";

export default async function handler(req, res) {
  try {
    const hits = await redis.incr("hits");
    res.status(200).json({ hits });
  } catch (e) {
    res.status(500).json({ error: String(e.message) });
  }
}
