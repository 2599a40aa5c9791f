import { Pool } from 'pg';

// postcss-loader / postcss-cli may instantiate the plugin many times (once per config, per worker),
// so the pool lives at module scope and is created lazily exactly once per process.
let pool: Pool | undefined;

function getPool(): Pool {
  if (!pool) {
    pool = new Pool({
      connectionString: process.env.BRAND_TOKENS_DATABASE_URL,
      max: 3,
      idleTimeoutMillis: 10_000,
      allowExitOnIdle: true,
    });
    process.once('beforeExit', () => {
      void pool?.end();
      pool = undefined;
    });
  }
  return pool;
}

export type TokenMap = Map<string, string>;

const snapshots = new Map<string, { at: number; tokens: Promise<TokenMap> }>();
const TTL_MS = 15_000;

async function fetchTokens(brand: string, theme: string): Promise<TokenMap> {
  const { rows } = await getPool().query<{ name: string; value: string }>(
    `SELECT t.name, COALESCE(o.value, t.value) AS value
       FROM tokens t
       LEFT JOIN token_overrides o ON o.token_id = t.id AND o.theme = $2
      WHERE t.brand = $1 AND t.deprecated = false`,
    [brand, theme],
  );
  return new Map(rows.map((r) => [r.name, r.value]));
}

/** One snapshot per (brand, theme), refreshed at most every 15 s even when every file asks for it. */
export function tokensFor(brand: string, theme: string): Promise<TokenMap> {
  const key = `${brand}/${theme}`;
  const hit = snapshots.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.tokens;
  const tokens = fetchTokens(brand, theme);
  snapshots.set(key, { at: Date.now(), tokens });
  tokens.catch(() => snapshots.delete(key));
  return tokens;
}
