import coap from 'coap';
import { createPool } from './db.js';
import { openChannel, READINGS_QUEUE } from './amqp.js';

const pool = createPool('gateway');
const { client: amqp, channel } = await openChannel(process.env.AMQP_URL ?? 'amqp://localhost');

const server = coap.createServer({ type: 'udp6' });

// One call per CoAP request from a device: POST /r/<deviceId>
server.on('request', async (req, res) => {
  const [, kind, deviceId] = req.url.split('/');
  if (req.method !== 'POST' || kind !== 'r' || !deviceId) {
    res.code = '4.04';
    return res.end();
  }

  try {
    const { rows } = await pool.query<{ active: boolean }>('SELECT active FROM devices WHERE id = $1', [deviceId]);
    if (!rows[0]?.active) {
      res.code = '4.03';
      return res.end();
    }
    await channel.basicPublish('', READINGS_QUEUE, req.payload, {
      deliveryMode: 2,
      contentType: 'application/cbor',
      headers: { deviceId },
    });
    res.code = '2.04';
    res.end();
  } catch (err) {
    console.error('reading rejected', deviceId, err);
    res.code = '5.03';
    res.end();
  }
});

server.listen(Number(process.env.COAP_PORT ?? 5683), () => console.log('coap gateway listening'));

process.once('SIGTERM', () => {
  server.close(async () => {
    await amqp.close();
    await pool.end();
  });
});
