'use strict';
const os = require('node:os');
const { Pool } = require('pg');
const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');

function FlakyDbReporter(baseReporterDecorator, config, logger) {
  baseReporterDecorator(this);

  const log = logger.create('reporter.flaky-db');
  const opts = config.flakyDb || {};
  const pending = [];
  let runStartedAt = Date.now();
  let specs = [];

  this.onRunStart = function () {
    runStartedAt = Date.now();
    specs = [];
  };

  this.onSpecComplete = function (browser, result) {
    const fullName = [...result.suite, result.description].join(' > ');
    specs.push({ browser: browser.name, fullName, success: result.success, skipped: result.skipped, time: result.time });
    if (result.success || result.skipped) return;

    const pool = new Pool({ connectionString: opts.connectionString, max: 2 });
    pending.push(
      pool
        .query(
          `INSERT INTO spec_failures (spec, browser, branch, host, duration_ms, log)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [fullName, browser.name, opts.branch, os.hostname(), result.time, result.log.join('\n')],
        )
        .catch((err) => log.warn(`could not record failure for "${fullName}": ${err.message}`)),
    );
  };

  this.onRunComplete = function (browsers, summary) {
    const body = JSON.stringify({
      branch: opts.branch,
      startedAt: new Date(runStartedAt).toISOString(),
      success: summary.success,
      failed: summary.failed,
      error: summary.error,
      specs,
    });
    const s3 = new S3Client({ region: opts.region });
    pending.push(
      s3
        .send(
          new PutObjectCommand({
            Bucket: opts.bucket,
            Key: `${opts.branch}/${runStartedAt}.json`,
            Body: body,
            ContentType: 'application/json',
          }),
        )
        .catch((err) => log.warn(`summary upload failed: ${err.message}`)),
    );
  };

  this.onExit = function (done) {
    Promise.allSettled(pending).then(() => done());
  };
}

FlakyDbReporter.$inject = ['baseReporterDecorator', 'config', 'logger'];

module.exports = {
  'reporter:flaky-db': ['type', FlakyDbReporter],
};
