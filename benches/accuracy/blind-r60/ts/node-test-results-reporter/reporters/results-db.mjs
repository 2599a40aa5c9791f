// Custom node:test reporter: pushes failures and slow tests to the QA results
// database that backs the flaky-test dashboard. Node calls this generator once
// per test run and feeds it every test event of the run.
import pg from 'pg';
import { hostname } from 'node:os';

const RESULTS_URL = process.env.QA_RESULTS_DATABASE_URL ?? 'postgres://qa@qa-db.internal/results';
const SLOW_MS = Number(process.env.SLOW_TEST_MS ?? 2000);
const RUN_ID = process.env.CI_PIPELINE_ID ?? `local-${hostname()}-${Date.now()}`;

async function recordFailure(data) {
  const pool = new pg.Pool({ connectionString: RESULTS_URL, max: 2 });
  try {
    await pool.query(
      `INSERT INTO test_failures (run_id, file, test_name, nesting, error_message, duration_ms)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        RUN_ID,
        data.file ?? null,
        data.name,
        data.nesting,
        String(data.details?.error?.cause?.message ?? data.details?.error?.message ?? 'unknown'),
        data.details?.duration_ms ?? null,
      ],
    );
  } finally {
    await pool.end();
  }
}

async function markSlow(shared, data) {
  const client = await shared.connect();
  await client.query(
    `INSERT INTO slow_tests (file, test_name, last_duration_ms, hits)
     VALUES ($1, $2, $3, 1)
     ON CONFLICT (file, test_name)
     DO UPDATE SET last_duration_ms = EXCLUDED.last_duration_ms, hits = slow_tests.hits + 1`,
    [data.file ?? '<unknown>', data.name, Math.round(data.details.duration_ms)],
  );
  client.release();
}

export default async function* resultsDbReporter(source) {
  const shared = new pg.Pool({ connectionString: RESULTS_URL, max: 3 });
  let passed = 0;
  let failed = 0;

  for await (const event of source) {
    switch (event.type) {
      case 'test:fail':
        failed++;
        await recordFailure(event.data).catch((err) => console.error('results-db: failure not stored', err));
        yield `FAIL ${event.data.file ?? ''} :: ${event.data.name}\n`;
        break;
      case 'test:pass':
        passed++;
        if (event.data.details?.duration_ms > SLOW_MS) {
          await markSlow(shared, event.data).catch((err) => console.error('results-db: slow test not stored', err));
          yield `SLOW ${event.data.name} (${Math.round(event.data.details.duration_ms)} ms)\n`;
        }
        break;
      case 'test:diagnostic':
        yield `# ${event.data.message}\n`;
        break;
      default:
        break;
    }
  }

  await shared.query('INSERT INTO test_runs (run_id, passed, failed, finished_at) VALUES ($1, $2, $3, now())', [
    RUN_ID,
    passed,
    failed,
  ]);
  await shared.end();
  yield `results-db: run ${RUN_ID} stored (${passed} passed, ${failed} failed)\n`;
}
