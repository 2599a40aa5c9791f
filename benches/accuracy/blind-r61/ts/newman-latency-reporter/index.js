'use strict';

const crypto = require('crypto');
const { Pool } = require('pg');
const { openDb } = require('./lib/db');

/**
 * Newman loads this reporter once per `newman run` (`-r latency`).
 * Options arrive as --reporter-latency-<name> flags.
 */
module.exports = function LatencyReporter(emitter, reporterOptions, collectionRunOptions) {
  const runId = crypto.randomUUID();
  const collection = collectionRunOptions.collection.name;
  const failures = new Pool({
    connectionString: reporterOptions.db || process.env.LATENCY_DB_URL,
    max: 2,
  });

  emitter.on('start', () => {
    console.log(`latency reporter: run ${runId} for "${collection}"`);
  });

  // Fired once for every request sent, for every iteration (-n) of the collection.
  emitter.on('request', async (err, args) => {
    if (err || !args.response) return;
    const db = await openDb(reporterOptions.db);
    try {
      await db.query(
        `INSERT INTO request_timings (run_id, collection, item, method, url, status, response_ms, bytes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          runId,
          collection,
          args.item.name,
          args.request.method,
          args.request.url.toString(),
          args.response.code,
          args.response.responseTime,
          args.response.responseSize,
        ],
      );
    } finally {
      await db.end();
    }
  });

  // Fired once per test assertion; err is set when the assertion failed.
  emitter.on('assertion', async (err, args) => {
    if (!err || args.skipped) return;
    const client = await failures.connect();
    const known = await client.query(
      'SELECT 1 FROM known_flaky WHERE collection = $1 AND item = $2 AND assertion = $3',
      [collection, args.item.name, args.assertion],
    );
    if (known.rowCount > 0) {
      return;
    }
    await client.query(
      `INSERT INTO assertion_failures (run_id, collection, item, assertion, message)
       VALUES ($1, $2, $3, $4, $5)`,
      [runId, collection, args.item.name, args.assertion, err.message],
    );
    client.release();
  });

  emitter.on('done', (err, summary) => {
    const stats = summary.run.stats;
    console.log(
      `latency reporter: ${stats.requests.total} requests, ${stats.assertions.failed} failed assertions`,
    );
    failures.end().catch(() => {});
  });
};
