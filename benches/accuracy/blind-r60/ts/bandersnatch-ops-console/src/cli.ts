#!/usr/bin/env node
import { command, program } from 'bandersnatch';
import Redis from 'ioredis';
import { openPool } from './db';
import { makeCommands } from './commands';

async function main(): Promise<void> {
  const pool = await openPool(process.env.FLEET_DATABASE_URL ?? 'postgres://ops@localhost:5433/fleet');
  const redis = new Redis(process.env.FLEET_REDIS_URL ?? 'redis://localhost:6379/1');

  const shutdown = async () => {
    await pool.end();
    redis.disconnect();
  };

  const app = program().description('Fleet operations console').prompt('fleet> ');
  for (const cmd of makeCommands({ pool, redis })) {
    app.add(cmd);
  }
  app.add(
    command('quit')
      .description('Close connections and leave the console')
      .action(async () => {
        await shutdown();
        process.exit(0);
      }),
  );

  if (process.argv.length > 2) {
    // one-shot mode: `fleetops vehicle AB-123-CD`
    try {
      const result = await app.run();
      if (result !== undefined) console.log(result);
    } finally {
      await shutdown();
    }
  } else {
    // interactive mode: every typed line runs one command against the same pool
    app.repl();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
