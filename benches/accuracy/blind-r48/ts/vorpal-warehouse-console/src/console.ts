#!/usr/bin/env node
import Vorpal from 'vorpal';
import { registerOrderCommands } from './commands/orders';
import { registerStockCommands } from './commands/stock';
import { wms } from './db';

const vorpal = new Vorpal();

registerOrderCommands(vorpal);
registerStockCommands(vorpal);

vorpal
  .command('bye', 'End the shift session')
  .action(async function () {
    await wms.end();
    process.exit(0);
  });

vorpal.history('warehouse-console').delimiter(`wh(${process.env.SITE ?? 'main'})$`).show();
