import Particle from 'particle-api-js';

import { onStatus, onTelemetry, ParticleEvent } from './handlers.js';

const particle = new Particle();
const auth = process.env.PARTICLE_TOKEN as string;
const product = process.env.PARTICLE_PRODUCT as string;

async function main() {
  const stream = await particle.getEventStream({ product, auth });

  stream.on('event', (event: ParticleEvent) => {
    const handler = event.name === 'telemetry' ? onTelemetry : event.name === 'spark/status' ? onStatus : null;
    if (!handler) return;
    handler(event).catch((err) => console.error(`failed to handle ${event.name} from ${event.coreid}`, err));
  });
  stream.on('error', (err: Error) => console.error('event stream error', err));
  stream.on('reconnect', () => console.log('event stream reconnecting'));

  console.log(`listening to product ${product} events`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
