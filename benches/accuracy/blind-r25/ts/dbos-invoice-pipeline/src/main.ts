import http from 'node:http';
import { DBOS } from '@dbos-inc/dbos-sdk';
import { InvoiceWorkflows } from './workflows';
import { closeDb } from './db';
import { reportingPool } from './reporting';

DBOS.setConfig({
  name: 'invoice-pipeline',
  databaseUrl: process.env.DBOS_SYSTEM_DATABASE_URL,
});

async function readJson(req: http.IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

const server = http.createServer(async (req, res) => {
  try {
    if (req.method === 'POST' && req.url === '/invoices') {
      const { orderNo } = await readJson(req);
      const handle = await DBOS.startWorkflow(InvoiceWorkflows, {
        workflowID: `issue-${orderNo}`,
      }).issueInvoice(orderNo);
      res.writeHead(202, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ workflowId: handle.workflowID }));
      return;
    }
    const status = /^\/invoices\/workflows\/([\w-]+)$/.exec(req.url ?? '');
    if (req.method === 'GET' && status) {
      const wf = await DBOS.getWorkflowStatus(status[1]);
      res.writeHead(wf ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(wf ?? { error: 'unknown workflow' }));
      return;
    }
    res.writeHead(404).end();
  } catch (err) {
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: (err as Error).message }));
  }
});

async function main(): Promise<void> {
  await DBOS.launch();
  server.listen(Number(process.env.PORT ?? 3000), () => {
    DBOS.logger.info(`invoice-pipeline listening on ${process.env.PORT ?? 3000}`);
  });
}

process.on('SIGTERM', async () => {
  server.close();
  await DBOS.shutdown();
  await closeDb();
  await reportingPool.end();
  process.exit(0);
});

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
