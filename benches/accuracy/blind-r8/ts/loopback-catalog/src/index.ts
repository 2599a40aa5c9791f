import {CatalogApplication} from './application';

export async function main() {
  const app = new CatalogApplication({
    rest: {
      port: +(process.env.PORT ?? 3000),
      host: process.env.HOST ?? '0.0.0.0',
      gracePeriodForClose: 5000,
    },
    shutdown: {signals: ['SIGTERM', 'SIGINT']},
  });
  await app.start();
  console.log(`catalog listening on ${app.restServer.url}`);
  return app;
}

if (require.main === module) {
  main().catch(err => {
    console.error('Cannot start the application.', err);
    process.exit(1);
  });
}
