// @ts-check
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  packageManager: 'npm',
  testRunner: 'mocha',
  mutate: ['src/**/*.js', '!src/**/*.fixture.js'],
  plugins: ['@stryker-mutator/mocha-runner', './tools/stryker/dist/index.js'],
  reporters: ['clear-text', 'progress', 'html', 'mutation-history'],
  concurrency: 6,
  timeoutMS: 10000,
  thresholds: { high: 85, low: 70, break: 60 },
};

export default config;
