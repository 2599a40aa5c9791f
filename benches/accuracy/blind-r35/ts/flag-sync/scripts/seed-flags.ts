// One-off: seed an environment's flags into etcd and mirror them into Cassandra.
// Usage: npm run seed -- staging ./flags/staging.json
import { readFile } from 'node:fs/promises';
import { makeEtcd, makeCassandra } from '../src/clients.js';

async function seed(env: string, file: string) {
  const flags = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  const etcd = makeEtcd();
  const cassandra = makeCassandra();
  try {
    await cassandra.connect();
    for (const [name, value] of Object.entries(flags)) {
      const json = JSON.stringify(value);
      await etcd.put(`flags/${env}/${name}`).value(json);
      await cassandra.execute(
        'INSERT INTO flags_by_env (env, name, value, revision, updated_at) VALUES (?, ?, ?, ?, toTimestamp(now()))',
        [env, name, json, 0],
        { prepare: true },
      );
    }
    console.log(`seeded ${Object.keys(flags).length} flags for ${env}`);
  } finally {
    etcd.close();
    await cassandra.shutdown();
  }
}

const [env, file] = process.argv.slice(2);
if (!env || !file) {
  console.error('usage: seed-flags <env> <file.json>');
  process.exit(2);
}
seed(env, file).catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
