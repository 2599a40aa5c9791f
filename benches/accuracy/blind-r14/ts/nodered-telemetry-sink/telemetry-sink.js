'use strict';

const { Pool } = require('pg');
const { publishReading } = require('./lib/stream');

module.exports = function (RED) {
  function TelemetrySinkNode(config) {
    RED.nodes.createNode(this, config);
    const node = this;

    node.table = config.table || 'readings';
    node.streamKey = config.streamKey || 'telemetry';

    // Built when the flow is deployed, ended when the node is stopped/redeployed.
    node.pool = new Pool({
      connectionString: node.credentials.connectionString,
      max: 5,
      idleTimeoutMillis: 10000,
    });
    node.pool.on('error', (err) => node.error(`pg pool: ${err.message}`));

    node.on('input', async function (msg, send, done) {
      const reading = msg.payload || {};
      if (typeof reading.value !== 'number') {
        done(new Error('payload.value must be a number'));
        return;
      }

      let client;
      try {
        client = await node.pool.connect();
        await client.query('BEGIN');
        await client.query(
          `INSERT INTO ${node.table} (device_id, metric, value, recorded_at) VALUES ($1, $2, $3, now())`,
          [msg.topic, reading.metric, reading.value]
        );
        await client.query(
          'UPDATE devices SET last_seen = now() WHERE device_id = $1',
          [msg.topic]
        );
        await client.query('COMMIT');
        client.release();
      } catch (err) {
        if (client) {
          await client.query('ROLLBACK').catch(() => {});
        }
        node.status({ fill: 'red', shape: 'ring', text: 'db error' });
        done(err);
        return;
      }

      try {
        await publishReading(node.streamKey, msg.topic, reading);
      } catch (err) {
        node.warn(`stream publish failed: ${err.message}`);
      }

      node.status({ fill: 'green', shape: 'dot', text: `${reading.metric}=${reading.value}` });
      send(msg);
      done();
    });

    node.on('close', function (removed, done) {
      node.pool.end().then(() => done(), done);
    });
  }

  RED.nodes.registerType('telemetry-sink', TelemetrySinkNode, {
    credentials: {
      connectionString: { type: 'password' },
    },
  });
};
