import algosdk from "algosdk";
import pg from "pg";
import { Redis } from "ioredis";
import { recordRound, type IndexerTxn } from "./record.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const algod = new algosdk.Algodv2(process.env.ALGOD_TOKEN ?? "", process.env.ALGOD_URL ?? "https://mainnet-api.algonode.cloud", "");
const indexer = new algosdk.Indexer(process.env.INDEXER_TOKEN ?? "", process.env.INDEXER_URL ?? "https://mainnet-idx.algonode.cloud", "");

async function openPool(): Promise<pg.Pool> {
  let pool: pg.Pool | undefined;
  for (let attempt = 1; attempt <= 12; attempt++) {
    const candidate = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
    try {
      await candidate.query("SELECT 1");
      pool = candidate;
      break;
    } catch (err) {
      await candidate.end().catch(() => undefined);
      console.warn(`database not reachable (attempt ${attempt}/12): ${(err as Error).message}`);
      await sleep(2_000 * attempt);
    }
  }
  if (!pool) throw new Error("giving up on database");
  return pool;
}

async function transactionsInRound(round: number): Promise<IndexerTxn[]> {
  const out: IndexerTxn[] = [];
  let next: string | undefined;
  do {
    let q = indexer.searchForTransactions().round(round).limit(1000);
    if (next) q = q.nextToken(next);
    const page = (await q.do()) as { transactions: IndexerTxn[]; "next-token"?: string };
    out.push(...page.transactions);
    next = page.transactions.length > 0 ? page["next-token"] : undefined;
  } while (next);
  return out;
}

async function main(): Promise<void> {
  const pool = await openPool();
  const redis = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379");
  const watched = new Set((process.env.WATCHED_ADDRESSES ?? "").split(",").filter(Boolean));

  const saved = await pool.query<{ last_round: string }>("SELECT last_round FROM follower_state WHERE id = 1");
  let round = saved.rows[0] ? Number(saved.rows[0].last_round) + 1 : Number((await algod.status().do())["last-round"]);

  let stopping = false;
  process.on("SIGTERM", () => (stopping = true));

  while (!stopping) {
    try {
      await algod.statusAfterBlock(round).do();
      const txns = await transactionsInRound(round);
      const n = await recordRound({ pool, redis, watched }, round, txns);
      if (n > 0) console.log(`round ${round}: ${n} watched transfers`);
      round++;
    } catch (err) {
      console.error(`round ${round} failed, retrying`, err);
      await sleep(3_000);
    }
  }

  await redis.quit();
  await pool.end();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
