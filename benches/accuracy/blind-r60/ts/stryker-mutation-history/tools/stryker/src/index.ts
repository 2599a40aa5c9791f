import { declareClassPlugin, PluginKind } from '@stryker-mutator/api/plugin';
import { MutationHistoryReporter } from './mutation-history-reporter.js';

// Registered under the reporter name used in stryker.config.mjs ("mutation-history").
export const strykerPlugins = [
  declareClassPlugin(PluginKind.Reporter, 'mutation-history', MutationHistoryReporter),
];
