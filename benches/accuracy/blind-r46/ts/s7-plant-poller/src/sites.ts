import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Site = {
  id: string;
  plc: { host: string; rack: number; slot: number };
  pgUrlEnv: string;
  tags: Record<string, string>;
};

// The fixed list of plants this poller serves; loaded once at start-up.
export const SITES: Site[] = JSON.parse(
  readFileSync(join(__dirname, '..', 'config', 'sites.json'), 'utf8'),
);

export const SITES_BY_ID = new Map(SITES.map((s) => [s.id, s]));
