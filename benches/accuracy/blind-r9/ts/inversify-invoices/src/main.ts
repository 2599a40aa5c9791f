import 'reflect-metadata';
import express from 'express';
import { Container } from 'inversify';
import { InversifyExpressServer } from 'inversify-express-utils';
import { DataSource } from 'typeorm';
import { buildDataSource } from './data-source';
import { InvoiceService } from './InvoiceService';
import { TYPES } from './types';
import './controllers/InvoiceController';

async function bootstrap() {
  const dataSource = buildDataSource();
  await dataSource.initialize();

  const container = new Container({ defaultScope: 'Request' });
  container.bind<DataSource>(TYPES.DataSource).toConstantValue(dataSource);
  container.bind<InvoiceService>(TYPES.InvoiceService).to(InvoiceService);

  const server = new InversifyExpressServer(container);
  server.setConfig(app => {
    app.use(express.json());
  });
  const app = server.build();
  const http = app.listen(Number(process.env.PORT ?? 3000));

  process.on('SIGTERM', () => {
    http.close(() => void dataSource.destroy());
  });
}

bootstrap().catch(err => {
  console.error(err);
  process.exit(1);
});
