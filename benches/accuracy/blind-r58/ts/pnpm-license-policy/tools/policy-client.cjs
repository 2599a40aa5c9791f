'use strict';

// Tiny client for the internal compliance service. Uses Node's built-in
// fetch (the hook is loaded before anything is installed, so it cannot
// depend on packages from node_modules) and memoizes the policy so the
// readPackage hook does not hit the network per package.

const fs = require('node:fs');
const path = require('node:path');

const POLICY_URL = process.env.LICENSE_POLICY_URL || 'https://compliance.northwind.internal/api/v2/npm-policy';
const REPORT_URL = process.env.LICENSE_REPORT_URL || 'https://compliance.northwind.internal/api/v2/installs';
const FALLBACK = path.join(__dirname, '..', 'policy', 'license-policy.json');

let policyPromise = null;

function loadFallback() {
  try {
    return JSON.parse(fs.readFileSync(FALLBACK, 'utf8'));
  } catch {
    return { deniedLicenses: [], exceptions: [], pins: {} };
  }
}

async function fetchPolicy() {
  const res = await fetch(POLICY_URL, {
    method: 'GET',
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(5_000),
  });
  if (res.status !== 200) {
    await res.body?.cancel();
    throw new Error(`policy service answered ${res.status}`);
  }
  return res.json();
}

function getPolicy(log) {
  if (!policyPromise) {
    policyPromise = fetchPolicy().catch((err) => {
      log(`[license-policy] using committed fallback policy: ${err.message}`);
      return loadFallback();
    });
  }
  return policyPromise;
}

async function reportInstall(summary, log) {
  if (process.env.LICENSE_POLICY_NO_REPORT) return;
  try {
    const res = await fetch(REPORT_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...summary, cwd: process.cwd(), ci: process.env.CI === 'true' }),
      signal: AbortSignal.timeout(3_000),
    });
    await res.body?.cancel();
  } catch (err) {
    log(`[license-policy] could not report install: ${err.message}`);
  }
}

module.exports = { getPolicy, reportInstall };
