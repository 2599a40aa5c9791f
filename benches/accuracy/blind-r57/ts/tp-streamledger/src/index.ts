import Redis from 'ioredis';
import type { Pool } from 'pg';
import { openLedger, insertMarker, countMarkers, topSponsor } from './db';

// touchportal-api ships without type declarations
// eslint-disable-next-line @typescript-eslint/no-var-requires
const TouchPortalAPI = require('touchportal-api');

const pluginId = 'streamledger';
const TPClient = new TouchPortalAPI.Client();

interface ActionData {
  actionId: string;
  data: Array<{ id: string; value: string }>;
}

const settings = {
  dbUrl: 'postgres://ledger@10.0.0.5/ledger',
  redisUrl: 'redis://10.0.0.5:6379/2',
  showId: '',
};

let statsPool: Pool | null = null;
let statsTimer: NodeJS.Timeout | null = null;

function applySettings(list: Array<Record<string, string>>): void {
  for (const entry of list) {
    if (entry['Database URL'] !== undefined) settings.dbUrl = entry['Database URL'];
    if (entry['Redis URL'] !== undefined) settings.redisUrl = entry['Redis URL'];
    if (entry['Show ID'] !== undefined) settings.showId = entry['Show ID'];
  }
}

function field(action: ActionData, id: string): string {
  return action.data.find((d) => d.id === id)?.value ?? '';
}

async function refreshStates(): Promise<void> {
  if (!statsPool || !settings.showId) return;
  try {
    TPClient.stateUpdate('streamledger.state.markers', String(await countMarkers(statsPool, settings.showId)));
    TPClient.stateUpdate('streamledger.state.topSponsor', (await topSponsor(statsPool, settings.showId)) ?? '-');
  } catch (err) {
    TPClient.logIt('WARN', `state refresh failed: ${(err as Error).message}`);
  }
}

async function dropMarker(label: string): Promise<void> {
  const ledger = openLedger(settings.dbUrl);
  const id = await insertMarker(ledger, { showId: settings.showId, label, at: new Date() });
  TPClient.logIt('INFO', `marker #${id} (${label}) stored`);
  TPClient.stateUpdate('streamledger.state.markers', String(await countMarkers(ledger, settings.showId)));
}

async function bumpCounter(name: string): Promise<void> {
  const redis = new Redis(settings.redisUrl, { maxRetriesPerRequest: 2 });
  const key = `show:${settings.showId}:counter:${name}`;
  const value = await redis.incr(key);
  await redis.expire(key, 60 * 60 * 24 * 7);
  TPClient.stateUpdate(`streamledger.counter.${name}`, String(value));
}

TPClient.on('Info', (data: { settings?: Array<Record<string, string>>; tpVersionString?: string }) => {
  TPClient.logIt('INFO', `connected to Touch Portal ${data.tpVersionString ?? '?'}`);
  if (data.settings) applySettings(data.settings);
  if (!statsPool) {
    statsPool = openLedger(settings.dbUrl, { max: 1 });
  }
  if (!statsTimer) {
    statsTimer = setInterval(() => void refreshStates(), 15_000);
  }
  for (const name of ['deaths', 'wins', 'donations', 'raids']) {
    TPClient.createState(`streamledger.counter.${name}`, `Counter: ${name}`, '0');
  }
});

TPClient.on('Settings', (data: Array<Record<string, string>>) => {
  applySettings(data);
});

TPClient.on('Action', async (action: ActionData) => {
  try {
    switch (action.actionId) {
      case 'streamledger.marker':
        await dropMarker(field(action, 'streamledger.marker.label') || 'highlight');
        break;
      case 'streamledger.counter':
        await bumpCounter(field(action, 'streamledger.counter.name') || 'deaths');
        break;
      default:
        TPClient.logIt('WARN', `unknown action ${action.actionId}`);
    }
  } catch (err) {
    TPClient.logIt('ERROR', `${action.actionId} failed: ${(err as Error).message}`);
  }
});

TPClient.on('Close', async () => {
  if (statsTimer) clearInterval(statsTimer);
  if (statsPool) await statsPool.end();
  process.exit(0);
});

TPClient.connect({ pluginId });
