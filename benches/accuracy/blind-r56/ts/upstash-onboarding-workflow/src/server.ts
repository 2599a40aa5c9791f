import express from 'express';
import { Client as WorkflowClient } from '@upstash/workflow';
import { createPool } from './db.js';
import { makeOnboardingWorkflow } from './workflows/onboarding.js';

async function main(): Promise<void> {
  const pool = await createPool({
    connectionString: process.env.DATABASE_URL ?? 'postgres://app@localhost:5432/app',
    max: 8,
  });
  const workflows = new WorkflowClient({ token: process.env.QSTASH_TOKEN ?? '' });
  const publicUrl = process.env.PUBLIC_URL ?? 'http://localhost:3000';

  const app = express();
  app.use(express.json());

  app.post(
    '/workflows/onboarding',
    makeOnboardingWorkflow({
      pool,
      crmBaseUrl: process.env.CRM_URL ?? 'https://api.crm.example.com',
      crmToken: process.env.CRM_TOKEN ?? '',
    }),
  );

  app.post('/signup', async (req, res) => {
    const { email, plan = 'starter' } = req.body as { email?: string; plan?: string };
    if (!email) return res.status(400).json({ error: 'email required' });
    const { rows } = await pool.query<{ id: string }>(
      'INSERT INTO accounts (email, plan) VALUES ($1, $2) RETURNING id',
      [email, plan],
    );
    const { workflowRunId } = await workflows.trigger({
      url: `${publicUrl}/workflows/onboarding`,
      body: { accountId: rows[0].id },
    });
    return res.status(201).json({ id: rows[0].id, workflowRunId });
  });

  app.get('/healthz', async (_req, res) => {
    await pool.query('SELECT 1');
    res.send('ok');
  });

  const server = app.listen(Number(process.env.PORT ?? 3000));
  process.on('SIGTERM', () => {
    server.close(async () => {
      await pool.end();
      process.exit(0);
    });
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
