import Hapi from '@hapi/hapi';
import { dbPlugin } from './plugins/db.js';
import { productRoutes } from './routes/products.js';

export async function createServer() {
  const server = Hapi.server({ port: Number(process.env.PORT ?? 8080), host: '0.0.0.0' });
  await server.register([
    { plugin: dbPlugin, options: { connectionString: process.env.DATABASE_URL!, max: 8 } },
    { plugin: productRoutes },
  ]);
  return server;
}

const server = await createServer();
await server.start();
console.log(`catalog up at ${server.info.uri}`);

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, async () => {
    await server.stop({ timeout: 10_000 });
    process.exit(0);
  });
}
