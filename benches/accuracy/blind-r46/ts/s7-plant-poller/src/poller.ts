import NodeS7 from 'nodes7';

import { endAllPools, poolFor } from './pools';
import { SITES, type Site } from './sites';

const timers: NodeJS.Timeout[] = [];
const plcs: NodeS7[] = [];

function startSite(site: Site) {
  const plc = new NodeS7({ silent: true });
  plcs.push(plc);

  plc.initiateConnection({ host: site.plc.host, port: 102, rack: site.plc.rack, slot: site.plc.slot }, (err) => {
    if (err) {
      console.error(`[${site.id}] PLC connection failed`, err);
      return;
    }
    plc.setTranslationCB((tag) => site.tags[tag]);
    plc.addItems(Object.keys(site.tags));

    let busy = false;
    // Once a second per plant: read all tags and insert one row per tag.
    timers.push(
      setInterval(() => {
        if (busy) return;
        busy = true;
        plc.readAllItems(async (anythingBad, values) => {
          try {
            if (anythingBad) {
              console.warn(`[${site.id}] some tags returned bad quality`);
            }
            const names = Object.keys(values);
            await poolFor(site.id).query(
              `INSERT INTO plc_readings (tag, value, read_at)
               SELECT unnest($1::text[]), unnest($2::float8[]), now()`,
              [names, names.map((n) => Number(values[n]))],
            );
          } catch (e) {
            console.error(`[${site.id}] insert failed`, e);
          } finally {
            busy = false;
          }
        });
      }, 1_000),
    );
  });
}

for (const site of SITES) {
  startSite(site);
}

async function shutdown() {
  timers.forEach(clearInterval);
  await Promise.all(plcs.map((plc) => new Promise<void>((resolve) => plc.dropConnection(() => resolve()))));
  await endAllPools();
  process.exit(0);
}

process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
