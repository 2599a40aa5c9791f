import 'reflect-metadata';
import { Application } from '@ditsmod/core';
import { AppModule } from './app/app.module.js';
import { AppDb } from './app/db.js';

const PORT = Number(process.env.PORT ?? 3000);

async function start(): Promise<void> {
  const { server } = await new Application().bootstrap(AppModule);

  server.listen(PORT, '0.0.0.0', () => {
    console.log(`orders-api listening on :${PORT}`);
  });

  const stop = (signal: string) => {
    console.log(`${signal} received, closing`);
    server.close(async () => {
      await AppDb.shutdown();
      process.exit(0);
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

start().catch((err) => {
  console.error(err);
  process.exit(1);
});

process.on('unhandledRejection', (reason) => {
  console.error('unhandled rejection', reason);
});
