const { RequestHook } = require('testcafe');
const { getPool } = require('./db');

/**
 * Records every storefront API call made while the tests drive the browser,
 * so flaky runs can be compared request by request.
 * onRequest / onResponse run for every matching HTTP request.
 */
class ApiLogHook extends RequestHook {
  constructor() {
    super([/\/api\/(cart|checkout|orders)/], { includeHeaders: true });
    this.serverErrors = 0;
  }

  async onRequest(event) {
    const { url, method } = event.requestOptions;
    event.requestOptions.headers['x-e2e-run'] = process.env.E2E_RUN_ID || 'local';
    await getPool().query('INSERT INTO e2e_api_calls (run_id, method, url, at) VALUES ($1, $2, $3, now())', [
      process.env.E2E_RUN_ID || 'local',
      method,
      url,
    ]);
  }

  async onResponse(event) {
    if (event.statusCode >= 500) {
      this.serverErrors += 1;
      await getPool().query(
        'INSERT INTO e2e_api_errors (run_id, status, request_id, at) VALUES ($1, $2, $3, now())',
        [process.env.E2E_RUN_ID || 'local', event.statusCode, event.headers['x-request-id'] || null],
      );
    }
  }
}

module.exports = { ApiLogHook };
