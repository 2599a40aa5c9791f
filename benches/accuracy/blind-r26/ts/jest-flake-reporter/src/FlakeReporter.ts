import { Client as Elastic } from '@elastic/elasticsearch';
import type { Pool } from 'pg';
import type {
  AggregatedResult,
  Config,
  Reporter,
  ReporterOnStartOptions,
  Test,
  TestContext,
} from '@jest/reporters';
import type { AssertionResult, TestCaseResult, TestResult } from '@jest/test-result';
import { createFlakePool, ensureRun } from './db';

interface FlakeReporterOptions {
  databaseUrl: string;
  elasticUrl: string;
  elasticApiKey?: string;
  index?: string;
}

export default class FlakeReporter implements Reporter {
  private pool?: Pool;
  private readonly runId = process.env.GITHUB_RUN_ID ?? `local-${Date.now()}`;
  private lastError?: Error;

  constructor(
    private readonly globalConfig: Config.GlobalConfig,
    private readonly options: FlakeReporterOptions,
  ) {}

  async onRunStart(_results: AggregatedResult, _opts: ReporterOnStartOptions): Promise<void> {
    this.pool = createFlakePool({ connectionString: this.options.databaseUrl });
    await ensureRun(this.pool, this.runId, process.env.GITHUB_REF_NAME ?? 'local', process.env.GITHUB_SHA ?? '');
  }

  // Called once per finished test file.
  async onTestFileResult(test: Test, testResult: TestResult, _agg: AggregatedResult): Promise<void> {
    const es = new Elastic({
      node: this.options.elasticUrl,
      auth: this.options.elasticApiKey ? { apiKey: this.options.elasticApiKey } : undefined,
    });
    const index = this.options.index ?? 'ci-test-results';
    const operations = testResult.testResults.flatMap((a: AssertionResult) => [
      { index: { _index: index } },
      {
        run_id: this.runId,
        file: test.path.replace(this.globalConfig.rootDir, ''),
        title: a.fullName,
        status: a.status,
        duration_ms: a.duration ?? 0,
        retries: a.invocations ?? 1,
      },
    ]);
    if (operations.length === 0) return;
    try {
      await es.bulk({ operations, refresh: false });
    } catch (err) {
      this.lastError = err as Error;
    }
  }

  // Called once per test case (Jest >= 29.6).
  async onTestCaseResult(test: Test, result: TestCaseResult): Promise<void> {
    if (!this.pool || result.status !== 'failed' || (result.invocations ?? 1) < 2) return;
    await this.recordFlake(test.path, result.fullName);
  }

  private async recordFlake(file: string, title: string): Promise<void> {
    const conn = await this.pool!.connect();
    const { rows } = await conn.query<{ quarantined: boolean }>(
      'SELECT quarantined FROM flaky_tests WHERE file = $1 AND title = $2',
      [file, title],
    );
    if (rows.length > 0 && rows[0].quarantined) {
      // already tracked and quarantined, nothing else to do
      return;
    }
    await conn.query(
      `INSERT INTO flaky_tests (file, title, first_seen_run, hits) VALUES ($1, $2, $3, 1)
       ON CONFLICT (file, title) DO UPDATE SET hits = flaky_tests.hits + 1, last_seen_run = $3`,
      [file, title, this.runId],
    );
    conn.release();
  }

  async onRunComplete(_contexts: Set<TestContext>, results: AggregatedResult): Promise<void> {
    if (!this.pool) return;
    await this.pool.query('UPDATE ci_runs SET finished_at = now(), failed = $2 WHERE id = $1', [
      this.runId,
      results.numFailedTests,
    ]);
    await this.pool.end();
  }

  getLastError(): Error | undefined {
    return this.lastError;
  }
}
