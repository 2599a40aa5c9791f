'use strict';

module.exports = function (config) {
  config.set({
    frameworks: ['jasmine'],
    files: ['src/**/*.js', 'test/**/*.spec.js'],
    browsers: ['ChromeHeadless'],
    plugins: [
      'karma-jasmine',
      'karma-chrome-launcher',
      require('./reporters/flaky-db-reporter'),
    ],
    reporters: ['progress', 'flaky-db'],
    autoWatch: true,
    singleRun: false,
    flakyDb: {
      connectionString: process.env.QA_DATABASE_URL,
      bucket: process.env.QA_REPORT_BUCKET || 'qa-run-summaries',
      region: process.env.AWS_REGION || 'eu-west-1',
      branch: process.env.GIT_BRANCH || 'local',
    },
  });
};
