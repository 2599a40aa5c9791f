/**
 * One-off maintenance script: refreshes the committed fallback policy
 * (policy/license-policy.json) from the compliance database. Run by hand
 * before a release: `pnpm policy:sync`.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

interface Policy {
  deniedLicenses: string[];
  exceptions: string[];
  pins: Record<string, string>;
}

async function main(): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.COMPLIANCE_DATABASE_URL });
  await client.connect();
  try {
    const denied = await client.query<{ spdx_id: string }>(
      `select spdx_id from license_rules where decision = 'deny' order by spdx_id`,
    );
    const exceptions = await client.query<{ package_name: string }>(
      `select package_name from license_exceptions where expires_at is null or expires_at > now() order by 1`,
    );
    const pins = await client.query<{ package_name: string; version: string }>(
      `select package_name, version from npm_pins where active order by package_name`,
    );

    const policy: Policy = {
      deniedLicenses: denied.rows.map((r) => r.spdx_id),
      exceptions: exceptions.rows.map((r) => r.package_name),
      pins: Object.fromEntries(pins.rows.map((r) => [r.package_name, r.version])),
    };

    const target = path.resolve(__dirname, '..', 'policy', 'license-policy.json');
    await writeFile(target, JSON.stringify(policy, null, 2) + '\n');
    console.log(`wrote ${target}: ${policy.deniedLicenses.length} denied, ${Object.keys(policy.pins).length} pins`);
  } finally {
    await client.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
