import Hapi from '@hapi/hapi';
import { inventoryPlugin } from './plugins/inventory.js';

const init = async () => {
  const server = Hapi.server({
    port: Number(process.env.PORT ?? 3000),
    host: '0.0.0.0',
    routes: { cors: true },
  });

  await server.register({
    plugin: inventoryPlugin,
    options: { region: process.env.REGION ?? 'eu-west' },
    routes: { prefix: '/inventory' },
  });

  await server.start();
  console.log('inventory service listening on %s', server.info.uri);
};

process.on('unhandledRejection', (err) => {
  console.error(err);
  process.exit(1);
});

init();
