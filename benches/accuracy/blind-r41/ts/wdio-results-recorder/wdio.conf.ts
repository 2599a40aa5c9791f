import type { Options } from '@wdio/types';
import {
  RUN_ID,
  closeWorkerPool,
  openWorkerPool,
  withLauncherClient,
  workerPoolOrThrow,
} from './test/support/results.js';

export const config: Options.Testrunner = {
  runner: 'local',
  specs: ['./test/specs/**/*.e2e.ts'],
  maxInstances: 4,
  capabilities: [{ browserName: 'chrome', 'goog:chromeOptions': { args: ['--headless=new', '--window-size=1366,900'] } }],
  logLevel: 'warn',
  baseUrl: process.env.STOREFRONT_URL ?? 'http://localhost:3000',
  waitforTimeout: 10_000,
  framework: 'mocha',
  reporters: ['spec'],
  mochaOpts: { ui: 'bdd', timeout: 60_000 },

  // Launcher process, once per `wdio run`.
  onPrepare: async () => {
    await withLauncherClient((client) =>
      client.query(
        `INSERT INTO e2e_runs (run_id, branch, started_at) VALUES ($1, $2, now())
         ON CONFLICT (run_id) DO UPDATE SET started_at = now(), finished_at = NULL`,
        [RUN_ID, process.env.GIT_BRANCH ?? 'local'],
      ),
    );
  },

  // Worker process, once per spec-file session.
  before: async () => {
    openWorkerPool();
  },

  beforeTest: async (test) => {
    const client = await workerPoolOrThrow().connect();
    try {
      await client.query('DELETE FROM e2e_fixture_locks WHERE run_id = $1 AND test_title = $2', [RUN_ID, test.title]);
    } finally {
      client.release();
    }
  },

  afterTest: async (test, _context, { passed, duration, error }) => {
    const client = await workerPoolOrThrow().connect();
    try {
      await client.query(
        `INSERT INTO e2e_results (run_id, spec_file, suite, title, passed, duration_ms, error)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [RUN_ID, test.file, test.parent, test.title, passed, duration, error?.message ?? null],
      );
    } finally {
      client.release();
    }
  },

  after: async () => {
    await closeWorkerPool();
  },

  onComplete: async (exitCode) => {
    await withLauncherClient((client) =>
      client.query('UPDATE e2e_runs SET finished_at = now(), exit_code = $2 WHERE run_id = $1', [RUN_ID, exitCode]),
    );
  },
};
