import { toHex } from '@cosmjs/encoding';
import type { NewBlockHeaderEvent } from '@cosmjs/tendermint-rpc';
import pg from 'pg';

// Uptime bookkeeping lives in the same Postgres database as the cursor table.
const uptimeDb = new pg.Pool({ connectionString: process.env.INDEXER_DATABASE_URL, max: 4 });

export async function onHeader(header: NewBlockHeaderEvent): Promise<void> {
  const proposer = toHex(header.proposerAddress).toUpperCase();
  await uptimeDb.query(
    `INSERT INTO proposed_blocks (height, proposer, proposed_at) VALUES ($1, $2, $3)
     ON CONFLICT (height) DO NOTHING`,
    [header.height, proposer, header.time.toISOString()],
  );
}

export async function closeUptimeDb(): Promise<void> {
  await uptimeDb.end();
}
