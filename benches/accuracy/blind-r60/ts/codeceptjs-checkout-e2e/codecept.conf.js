/** @type {CodeceptJS.MainConfig} */
exports.config = {
  tests: './tests/*_test.js',
  output: './output',
  helpers: {
    Playwright: {
      url: process.env.SHOP_URL || 'http://localhost:3000',
      show: false,
      browser: 'chromium',
    },
    DbHelper: {
      require: './helpers/db_helper.js',
      url: process.env.E2E_DATABASE_URL || 'postgres://e2e:e2e@localhost:5432/shop_e2e',
      resultsTable: 'e2e_failures',
    },
  },
  plugins: {
    failureLog: {
      require: './plugins/failure_log.js',
      enabled: true,
    },
    screenshotOnFail: { enabled: true },
  },
  name: 'checkout-e2e',
};
