// TestCafe reads this once per `testcafe` run. Global hooks:
//   hooks.testRun.before / after  -> once per run (all browsers, all fixtures)
//   hooks.fixture.before / after  -> once per fixture
//   hooks.test.before / after     -> around every test
const { openPool, closePool, getPool } = require('./tests/support/db');

module.exports = {
  browsers: ['chrome:headless'],
  src: ['tests/**/*.test.ts'],
  baseUrl: process.env.E2E_BASE_URL || 'http://localhost:3000',
  screenshots: {
    path: 'reports/screenshots',
    takeOnFails: true,
    pathPattern: '${FIXTURE}/${TEST}/${BROWSER}-${FILE_INDEX}.png',
  },
  pageLoadTimeout: 15000,
  assertionTimeout: 6000,
  skipJsErrors: false,
  hooks: {
    testRun: {
      before: async () => {
        await openPool();
      },
      after: async () => {
        await closePool();
      },
    },
    test: {
      after: async (t) => {
        const { testRun } = t;
        await getPool().query('INSERT INTO e2e_results (run_id, test_name, finished_at) VALUES ($1, $2, now())', [
          process.env.E2E_RUN_ID || 'local',
          testRun && testRun.test ? testRun.test.name : 'unknown',
        ]);
      },
    },
  },
};
