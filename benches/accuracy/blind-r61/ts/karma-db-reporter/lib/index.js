'use strict';

const { Pool } = require('pg');

/**
 * Karma instantiates a reporter once per `karma start` through its DI container.
 * In watch mode the same instance receives onRunStart/onSpecComplete/onRunComplete
 * again for every re-run; onExit is called once when the server shuts down.
 */
function ResultsDbReporter(baseReporterDecorator, config, logger) {
  baseReporterDecorator(this);

  const log = logger.create('reporter.results-db');
  const options = config.resultsDb || {};
  const pool = new Pool({
    connectionString: options.url || process.env.CI_RESULTS_DATABASE_URL,
    max: 2,
  });
  pool.on('error', (err) => log.warn(`idle client error: ${err.message}`));

  let specs = [];
  let pending = Promise.resolve();

  // The base reporter would otherwise echo browser output; keep the console clean.
  this.adapters = [];

  this.onRunStart = () => {
    specs = [];
  };

  this.onSpecComplete = (browser, result) => {
    specs.push({
      browser: browser.name,
      suite: result.suite.join(' › '),
      name: result.description,
      status: result.skipped ? 'skipped' : result.success ? 'passed' : 'failed',
      ms: result.time,
    });
  };

  this.onRunComplete = (browsers, summary) => {
    const batch = specs;
    pending = pending
      .then(() => saveRun(pool, options.project || 'web', batch, summary))
      .then(() => log.info(`stored ${batch.length} spec results`))
      .catch((err) => log.error(`could not store results: ${err.message}`));
  };

  this.onExit = (done) => {
    pending.then(() => pool.end()).then(() => done(), () => done());
  };
}

async function saveRun(pool, project, specs, summary) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query(
      `INSERT INTO ci_runs (project, commit_sha, success, failed, error, finished_at)
       VALUES ($1, $2, $3, $4, $5, now()) RETURNING id`,
      [project, process.env.GITHUB_SHA || null, summary.success, summary.failed, summary.error],
    );
    for (const s of specs) {
      await client.query(
        'INSERT INTO ci_spec_results (run_id, browser, suite, name, status, ms) VALUES ($1, $2, $3, $4, $5, $6)',
        [rows[0].id, s.browser, s.suite, s.name, s.status, s.ms],
      );
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}

ResultsDbReporter.$inject = ['baseReporterDecorator', 'config', 'logger'];

module.exports = {
  'reporter:results-db': ['type', ResultsDbReporter],
};
