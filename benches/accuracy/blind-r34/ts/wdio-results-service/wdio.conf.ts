import { randomUUID } from 'node:crypto';
import type { Options } from '@wdio/types';
import ResultsService from './src/results-service.js';
import { closeRun, openRun } from './src/run-record.js';

const runId = process.env.E2E_RUN_ID ?? randomUUID();
process.env.E2E_RUN_ID = runId;

export const config: Options.Testrunner = {
  runner: 'local',
  specs: ['./test/specs/**/*.e2e.ts'],
  maxInstances: 4,
  capabilities: [{ browserName: 'chrome', 'goog:chromeOptions': { args: ['--headless=new'] } }],
  baseUrl: process.env.E2E_BASE_URL ?? 'http://localhost:3000',
  framework: 'mocha',
  reporters: ['spec'],
  services: [[ResultsService, { runId }]],
  mochaOpts: { timeout: 60_000 },

  onPrepare: async (_config, capabilities) => {
    await openRun(runId, Array.isArray(capabilities) ? capabilities.length : 1);
  },

  onComplete: async (exitCode) => {
    await closeRun(runId, exitCode);
  },
};
