module.exports = function (config) {
  config.set({
    frameworks: ['jasmine'],
    files: ['src/**/*.js', 'test/**/*.spec.js'],
    plugins: ['karma-jasmine', 'karma-chrome-launcher', require('./lib/index.js')],
    reporters: ['progress', 'results-db'],
    resultsDb: {
      project: 'storefront-widgets',
      url: process.env.CI_RESULTS_DATABASE_URL,
    },
    browsers: ['ChromeHeadless'],
    autoWatch: true,
    singleRun: false,
  });
};
