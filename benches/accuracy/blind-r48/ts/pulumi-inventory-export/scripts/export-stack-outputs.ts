#!/usr/bin/env tsx
/**
 * Usage: npm run export -- ../infra/platform [--only prod-eu,prod-us] [--dry-run]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LocalWorkspace, type OutputMap } from '@pulumi/pulumi/automation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import pg from 'pg';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    only: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  },
});

const workDir = path.resolve(positionals[0] ?? '../infra/platform');
const TABLE = process.env.INVENTORY_TABLE ?? 'service-inventory';

function plain(outputs: OutputMap): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(outputs).map(([k, o]) => [k, o.secret ? '[secret]' : o.value]),
  );
}

async function main(): Promise<void> {
  const workspace = await LocalWorkspace.create({ workDir });
  const only = values.only ? new Set(values.only.split(',')) : null;
  const stacks = (await workspace.listStacks()).filter((s) => !only || only.has(s.name));
  console.log(`exporting ${stacks.length} stacks from ${workDir}`);

  const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({ region: process.env.AWS_REGION ?? 'eu-west-1' }));
  const cmdb = new pg.Client({ connectionString: process.env.CMDB_DATABASE_URL });
  await cmdb.connect();

  try {
    for (const summary of stacks) {
      const stack = await LocalWorkspace.selectStack({ stackName: summary.name, workDir });
      const outputs = plain(await stack.outputs());
      const item = {
        pk: `stack#${summary.name}`,
        project: (await workspace.projectSettings()).name,
        lastUpdate: summary.lastUpdate ?? null,
        resourceCount: summary.resourceCount ?? 0,
        outputs,
        exportedAt: new Date().toISOString(),
      };

      if (values['dry-run']) {
        console.log(JSON.stringify(item, null, 2));
        continue;
      }

      await ddb.send(new PutCommand({ TableName: TABLE, Item: item }));
      await cmdb.query(
        `INSERT INTO stack_outputs (stack, outputs, exported_at) VALUES ($1, $2, now())
         ON CONFLICT (stack) DO UPDATE SET outputs = EXCLUDED.outputs, exported_at = now()`,
        [summary.name, JSON.stringify(outputs)],
      );
      console.log(`  ${summary.name}: ${Object.keys(outputs).length} outputs`);
    }
  } finally {
    await cmdb.end();
    ddb.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
