'use strict';
const { Pool } = require('undici');

// Fixed set of FX providers; one keep-alive pool per provider, created on first use.
const PROVIDERS = Object.freeze({
  ecb: 'https://fx-ecb.internal.example',
  boe: 'https://fx-boe.internal.example',
  snb: 'https://fx-snb.internal.example',
});
const CURRENCY_PROVIDER = Object.freeze({ EUR: 'ecb', GBP: 'boe', CHF: 'snb', USD: 'ecb' });

const pools = new Map();

function providerPool(name) {
  const origin = PROVIDERS[name];
  if (!origin) throw new Error(`unknown FX provider ${name}`);
  let pool = pools.get(name);
  if (!pool) {
    pool = new Pool(origin, { connections: 4, keepAliveTimeout: 30_000 });
    pools.set(name, pool);
  }
  return pool;
}

async function rateFromEur(currency) {
  if (currency === 'EUR') return 1;
  const provider = CURRENCY_PROVIDER[currency];
  if (!provider) throw new Error(`unsupported currency ${currency}`);
  const { statusCode, body } = await providerPool(provider).request({ method: 'GET', path: `/rates/EUR/${currency}` });
  if (statusCode !== 200) {
    await body.dump();
    throw new Error(`FX provider ${provider} answered ${statusCode}`);
  }
  const { rate } = await body.json();
  return rate;
}

async function closeAll() {
  await Promise.all([...pools.values()].map((p) => p.close()));
  pools.clear();
}

module.exports = { rateFromEur, closeAll };
