import { Pool } from "undici";

// Budget webhooks, one origin per deploy target. The allowed targets are fixed,
// so this holds at most one pool per entry in TARGET_ORIGINS.
const TARGET_ORIGINS: Record<string, string> = {
  preview: "https://budgets.preview.internal",
  staging: "https://budgets.staging.internal",
  production: "https://budgets.prod.internal",
};

const pools = new Map<string, Pool>();

function poolFor(target: string): Pool | undefined {
  const origin = TARGET_ORIGINS[target];
  if (!origin) return undefined;
  let pool = pools.get(target);
  if (!pool) {
    pool = new Pool(origin, { connections: 2 });
    pools.set(target, pool);
  }
  return pool;
}

export async function notifyBudget(target: string, payload: unknown): Promise<void> {
  const pool = poolFor(target);
  if (!pool) return;
  const { body } = await pool.request({
    path: "/v1/bundle-sizes",
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(payload),
  });
  await body.dump();
}

export async function closeHooks(): Promise<void> {
  await Promise.all([...pools.values()].map((p) => p.close()));
  pools.clear();
}
