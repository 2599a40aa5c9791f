import 'source-map-support/register';

import * as http from 'http';
import { Config, createApp, displayServerURL, ServiceManager } from '@foal/core';
import { AppController } from './app/app.controller';
import { Cache, Database } from './app/services';

async function main() {
  const serviceManager = new ServiceManager();
  const app = await createApp(AppController, { serviceManager });

  const httpServer = http.createServer(app);
  const port = Config.get('port', 'number', 3001);
  httpServer.listen(port, () => displayServerURL(port));

  const shutdown = () => {
    httpServer.close(async () => {
      await serviceManager.get(Database).close();
      serviceManager.get(Cache).disconnect();
      process.exit(0);
    });
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
