import pg from 'pg';

// Tokens live in the design-system database so Figma sync, docs and this
// linter agree. Stylelint calls rules once per linted file (and keeps doing so
// in --watch mode and in the editor extension), so the lookup is cached.
const TTL_MS = 60_000;

/** @type {pg.Pool | undefined} */
let pool;
/** @type {{ at: number, promise: Promise<TokenIndex> } | undefined} */
let cache;

/**
 * @typedef {{ colors: Map<string, string>, spacing: Set<string> }} TokenIndex
 */

function getPool() {
  if (!pool) {
    pool = new pg.Pool({
      connectionString: process.env.DESIGN_TOKENS_DATABASE_URL,
      max: 2,
      idleTimeoutMillis: 5_000,
      // A one-shot `stylelint "**/*.css"` run must be able to exit.
      allowExitOnIdle: true,
      application_name: 'stylelint-plugin-tokens',
    });
    pool.on('error', (err) => console.warn(`[tokens] idle client error: ${err.message}`));
  }
  return pool;
}

function normaliseColor(value) {
  return value.trim().toLowerCase().replace(/^#([0-9a-f])([0-9a-f])([0-9a-f])$/, '#$1$1$2$2$3$3');
}

/** @returns {Promise<TokenIndex>} */
async function fetchTokens() {
  const { rows } = await getPool().query(
    "SELECT name, kind, value FROM design_tokens WHERE deprecated = false AND kind IN ('color', 'spacing')",
  );
  const colors = new Map();
  const spacing = new Set();
  for (const row of rows) {
    if (row.kind === 'color') colors.set(normaliseColor(row.value), row.name);
    else spacing.add(row.value.trim());
  }
  return { colors, spacing };
}

/** @returns {Promise<TokenIndex>} */
export function loadTokens() {
  const now = Date.now();
  if (cache && now - cache.at < TTL_MS) return cache.promise;
  const promise = fetchTokens();
  cache = { at: now, promise };
  promise.catch(() => {
    if (cache && cache.promise === promise) cache = undefined;
  });
  return promise;
}

export { normaliseColor };
