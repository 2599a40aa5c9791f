import Redis from "ioredis";

const board = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379", {
  keyPrefix: "mc:",
});

export async function bumpKills(player: string, by = 1) {
  await board.zincrby("leaderboard:kills", by, player);
}

export async function bumpDeaths(player: string) {
  await board.zincrby("leaderboard:deaths", 1, player);
}

export async function top(n: number): Promise<[string, number][]> {
  const flat = await board.zrevrange("leaderboard:kills", 0, n - 1, "WITHSCORES");
  const out: [string, number][] = [];
  for (let i = 0; i < flat.length; i += 2) out.push([flat[i], Number(flat[i + 1])]);
  return out;
}
