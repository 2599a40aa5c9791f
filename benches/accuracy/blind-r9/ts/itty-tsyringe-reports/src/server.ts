import 'reflect-metadata';
import { createServer } from 'node:http';
import { createServerAdapter } from '@whatwg-node/server';
import { AutoRouter, IRequest, error, json } from 'itty-router';
import { container } from 'tsyringe';
import { Database } from './services/Database';
import { ReportService } from './services/ReportService';

const router = AutoRouter();

router.get('/accounts/:accountId/revenue/:month', async ({ params }: IRequest) => {
  const reports = container.resolve(ReportService);
  return json(await reports.monthlyRevenue(params.accountId, params.month));
});

router.post('/accounts/:accountId/revenue/:month/export', async ({ params }: IRequest) => {
  const reports = container.resolve(ReportService);
  const url = await reports.exportCsv(params.accountId, params.month);
  return json({ url }, { status: 201 });
});

router.post('/accounts/:accountId/months/:month/close', async ({ params }: IRequest) => {
  try {
    await container.resolve(ReportService).closeMonth(params.accountId, params.month);
    return new Response(null, { status: 204 });
  } catch (e) {
    return error(409, String(e));
  }
});

const server = createServer(createServerAdapter(router.fetch));
server.listen(Number(process.env.PORT ?? 8080));

process.on('SIGTERM', async () => {
  server.close();
  await container.resolve(Database).close();
});
