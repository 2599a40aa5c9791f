'use strict';

const { Client } = require('@elastic/elasticsearch');

let client = null;

// Lazily built on the first activation that needs it, reused afterwards.
function getSearch(params) {
  if (client === null) {
    client = new Client({
      node: params.ELASTIC_URL,
      auth: { apiKey: params.ELASTIC_API_KEY },
    });
  }
  return client;
}

module.exports = { getSearch };
