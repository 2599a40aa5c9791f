#!/usr/bin/env node
import { Command, InvalidArgumentError } from 'commander';
import { exportOrders, countOrders } from './commands/export.js';
import { mirrorStatuses } from './commands/mirror.js';

function positiveInt(value: string): number {
  const n = Number.parseInt(value, 10);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

const program = new Command();

program.name('ordersctl').description('Operator tooling for the orders platform').version('0.12.0');

program
  .command('export')
  .description('export orders as NDJSON')
  .requiredOption('--since <date>', 'ISO date (inclusive)')
  .requiredOption('-o, --out <file>', 'output file')
  .option('--status <status>', 'only orders with this status')
  .action(async (opts: { since: string; out: string; status?: string }) => {
    await exportOrders(opts);
  });

program
  .command('count')
  .description('count orders by status')
  .argument('<status>', 'order status')
  .action(async (status: string) => {
    await countOrders(status);
  });

program
  .command('mirror')
  .description('continuously mirror order statuses into DynamoDB')
  .requiredOption('--table <name>', 'DynamoDB table')
  .option('--interval-seconds <n>', 'poll interval', positiveInt, 10)
  .action(async (opts: { table: string; intervalSeconds: number }) => {
    await mirrorStatuses(opts);
  });

program.parseAsync(process.argv).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
