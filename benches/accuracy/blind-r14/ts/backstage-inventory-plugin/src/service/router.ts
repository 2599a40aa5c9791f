import type { LoggerService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import type { HostInventoryStore } from './HostInventoryStore';

export interface RouterOptions {
  logger: LoggerService;
  store: HostInventoryStore;
}

export async function createRouter({ logger, store }: RouterOptions): Promise<express.Router> {
  const router = Router();
  router.use(express.json());

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/hosts', async (req, res) => {
    const owner = typeof req.query.owner === 'string' ? req.query.owner : undefined;
    res.json({ items: await store.listHosts(owner) });
  });

  router.get('/hosts/:hostname', async (req, res) => {
    const host = await store.getHost(req.params.hostname);
    if (!host) {
      res.status(404).json({ error: 'not found' });
      return;
    }
    res.json(host);
  });

  router.post('/hosts/:hostname/claim', async (req, res) => {
    const ok = await store.claimHost(req.params.hostname, String(req.body.owner));
    logger.info(`claim ${req.params.hostname} -> ${req.body.owner}: ${ok}`);
    res.status(ok ? 204 : 404).end();
  });

  return router;
}
