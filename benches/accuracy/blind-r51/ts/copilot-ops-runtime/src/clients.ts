import { readFileSync } from 'node:fs';

import { MeiliSearch } from 'meilisearch';
import pg from 'pg';

export const pool = new pg.Pool({ connectionString: process.env.ORDERS_DB_URL, max: 8 });

interface WorkspaceConfig {
  host: string;
  index: string;
}

const workspaces: Record<string, WorkspaceConfig> = JSON.parse(
  readFileSync(new URL('../workspaces.json', import.meta.url), 'utf8'),
);

// One search client per configured workspace (three regions), created on first use.
const searchClients = new Map<string, MeiliSearch>();

export function searchFor(workspace: string): { client: MeiliSearch; index: string } {
  const cfg = workspaces[workspace];
  if (!cfg) throw new Error(`unknown workspace ${workspace}`);
  let client = searchClients.get(workspace);
  if (!client) {
    client = new MeiliSearch({ host: cfg.host, apiKey: process.env[`MEILI_KEY_${workspace.toUpperCase()}`] });
    searchClients.set(workspace, client);
  }
  return { client, index: cfg.index };
}

export async function closeClients(): Promise<void> {
  searchClients.clear();
  await pool.end();
}
