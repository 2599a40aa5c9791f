import type { Plugin } from 'rollup';
import pg from 'pg';

const VIRTUAL_ID = 'virtual:feature-flags';
const RESOLVED_ID = '\0' + VIRTUAL_ID;

interface FeatureFlagsOptions {
  environment: 'production' | 'staging';
}

/**
 * Bakes the flag snapshot for the target environment into a virtual module so the widgets
 * never ship a flag the backend has not enabled yet.
 */
export function featureFlags(options: FeatureFlagsOptions): Plugin {
  // The plugin factory runs once per rollup invocation; the pool outlives rebuilds in watch mode.
  const pool = new pg.Pool({
    connectionString: process.env.FLAGS_DATABASE_URL,
    max: 2,
    idleTimeoutMillis: 30_000,
  });

  return {
    name: 'feature-flags',

    resolveId(source) {
      return source === VIRTUAL_ID ? RESOLVED_ID : null;
    },

    async load(id) {
      if (id !== RESOLVED_ID) return null;
      const conn = await pool.connect();
      const { rows } = await conn.query<{ name: string; enabled: boolean; rollout: number }>(
        `SELECT name, enabled, rollout_percent AS rollout
           FROM feature_flags
          WHERE environment = $1 AND archived_at IS NULL
          ORDER BY name`,
        [options.environment],
      );
      if (rows.length === 0) {
        this.error(`feature-flags: no flags defined for ${options.environment}`);
      }
      conn.release();
      const flags = Object.fromEntries(rows.map((r) => [r.name, r.enabled && r.rollout >= 100]));
      return `export const flags = Object.freeze(${JSON.stringify(flags)});\nexport default flags;\n`;
    },

    async closeBundle() {
      if (!this.meta.watchMode) await pool.end();
    },

    async closeWatcher() {
      await pool.end();
    },
  };
}
