#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { exportCommand } from './commands/export.js';
import { reindexCommand } from './commands/reindex.js';
import { tailCommand } from './commands/tail.js';

// One process per invocation: `opsctl export orders --since 2024-06-01`.
await yargs(hideBin(process.argv))
  .scriptName('opsctl')
  .option('mongo-url', {
    type: 'string',
    default: process.env.MONGODB_URI ?? 'mongodb://localhost:27017',
    describe: 'MongoDB connection string',
  })
  .option('db', {
    type: 'string',
    default: process.env.MONGODB_DB ?? 'shop',
    describe: 'Database name',
  })
  .command(exportCommand)
  .command(reindexCommand)
  .command(tailCommand)
  .demandCommand(1, 'pick a command')
  .strict()
  .help()
  .fail((msg, err, y) => {
    if (err) {
      console.error(err.message);
    } else {
      console.error(msg);
      y.showHelp();
    }
    process.exit(1);
  })
  .parseAsync();
