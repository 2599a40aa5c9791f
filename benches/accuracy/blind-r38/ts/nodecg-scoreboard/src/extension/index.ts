import type NodeCG from '@nodecg/types';
import { openPool } from './db';
import { registerScoreHandlers } from './scores';
import type { BundleConfig } from './types';
import { makeVenuePublishers } from './venues';

module.exports = function (nodecg: NodeCG.ServerAPI<BundleConfig>) {
  const publishers = makeVenuePublishers(nodecg.bundleConfig.venueRedis);

  openPool(nodecg.bundleConfig.databaseUrl, nodecg.log)
    .then((pool) => {
      registerScoreHandlers(nodecg, { pool, venueRedis: publishers.forVenue });
      nodecg.log.info('scoreboard extension ready');

      process.once('SIGTERM', async () => {
        await publishers.closeAll();
        await pool.end();
      });
    })
    .catch((err) => nodecg.log.error('scoreboard extension failed to start', err));
};
