// pnpm hooks for the whole monorepo.
//
// readPackage runs for every package manifest pnpm reads during resolution
// (thousands per install), so it must stay cheap: the license policy is
// fetched at most once per pnpm process (memoized promise in policy-client)
// and every call after the first only reads the cached object.
'use strict';

const { getPolicy, reportInstall } = require('./tools/policy-client.cjs');

const seenDenied = new Set();

async function readPackage(pkg, context) {
  const policy = await getPolicy(context.log);

  // Pin transitive dependencies the security team has overridden.
  for (const field of ['dependencies', 'optionalDependencies']) {
    const deps = pkg[field];
    if (!deps) continue;
    for (const name of Object.keys(deps)) {
      const pinned = policy.pins[name];
      if (pinned && deps[name] !== pinned) {
        context.log(`[license-policy] ${pkg.name}: pinning ${name}@${deps[name]} -> ${pinned}`);
        deps[name] = pinned;
      }
    }
  }

  const license = typeof pkg.license === 'string' ? pkg.license : pkg.license && pkg.license.type;
  if (license && policy.deniedLicenses.includes(license) && !policy.exceptions.includes(pkg.name)) {
    const id = `${pkg.name}@${pkg.version}`;
    if (!seenDenied.has(id)) {
      seenDenied.add(id);
      context.log(`[license-policy] ${id} is licensed ${license}, which is not allowed`);
    }
  }

  return pkg;
}

async function afterAllResolved(lockfile, context) {
  const packages = Object.keys(lockfile.packages || {});
  if (seenDenied.size > 0 && process.env.CI === 'true') {
    throw new Error(`[license-policy] ${seenDenied.size} packages with denied licenses: ${[...seenDenied].join(', ')}`);
  }
  // One summary request per install, not per package.
  await reportInstall({ packageCount: packages.length, denied: [...seenDenied] }, context.log);
  return lockfile;
}

module.exports = {
  hooks: {
    readPackage,
    afterAllResolved,
  },
};
