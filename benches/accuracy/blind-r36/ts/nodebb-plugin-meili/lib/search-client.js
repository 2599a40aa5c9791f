'use strict';

const { MeiliSearch } = require('meilisearch');

// Builds the Meilisearch client from the plugin settings. Only called from init.
function createSearchClient(settings) {
  return new MeiliSearch({
    host: settings.host || 'http://127.0.0.1:7700',
    apiKey: settings.apiKey,
    timeout: 5000,
  });
}

module.exports = { createSearchClient };
