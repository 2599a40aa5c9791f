#!/usr/bin/env node
import { cancel, intro, isCancel, log, outro, select } from '@clack/prompts';
import { exportInvoices } from './commands/export.js';
import { lookupCustomer } from './commands/lookup.js';
import { mergeAccounts } from './commands/merge.js';
import { DB_NAME, openMongo } from './lib/mongo.js';

type Action = 'lookup' | 'export' | 'merge' | 'quit';

async function main(): Promise<void> {
  intro('support console');
  const client = await openMongo();
  const db = client.db(DB_NAME);

  try {
    // Agents keep this console open for a whole shift.
    while (true) {
      const action = await select({
        message: 'What do you need?',
        options: [
          { value: 'lookup', label: 'Look up a customer' },
          { value: 'export', label: 'Export a month of invoices' },
          { value: 'merge', label: 'Merge duplicate accounts' },
          { value: 'quit', label: 'Quit' },
        ],
      });
      if (isCancel(action)) {
        cancel('bye');
        break;
      }
      if ((action as Action) === 'quit') break;

      try {
        if (action === 'lookup') await lookupCustomer();
        else if (action === 'export') await exportInvoices(db);
        else if (action === 'merge') await mergeAccounts(client);
      } catch (err) {
        log.error(err instanceof Error ? err.message : String(err));
      }
    }
  } finally {
    await client.close();
  }
  outro('session closed');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
