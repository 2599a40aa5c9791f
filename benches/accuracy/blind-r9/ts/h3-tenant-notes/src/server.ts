import { createServer } from 'node:http';
import {
  createApp,
  createError,
  createRouter,
  defineEventHandler,
  getHeader,
  getRouterParam,
  readBody,
  toNodeListener,
} from 'h3';
import { ofetch } from 'ofetch';
import { closeAll, dbFor } from './tenants.js';

const app = createApp();
const router = createRouter();

function tenantOf(event: Parameters<typeof getHeader>[0]): string {
  const tenant = getHeader(event, 'x-tenant');
  if (!tenant || !/^[a-z0-9_]{2,32}$/.test(tenant)) {
    throw createError({ statusCode: 400, statusMessage: 'missing or invalid x-tenant' });
  }
  return tenant;
}

router.get(
  '/notes/:id',
  defineEventHandler(async event => {
    const db = dbFor(tenantOf(event));
    const note = await db.selectFrom('notes').selectAll().where('id', '=', getRouterParam(event, 'id')!).executeTakeFirst();
    if (!note) throw createError({ statusCode: 404 });
    return note;
  }),
);

router.post(
  '/notes',
  defineEventHandler(async event => {
    const tenant = tenantOf(event);
    const body = await readBody<{ title: string; body: string; authorId: string }>(event);
    const inserted = await dbFor(tenant)
      .insertInto('notes')
      .values({ id: crypto.randomUUID(), title: body.title, body: body.body, author_id: body.authorId, created_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();

    // Fire-and-forget notification to the search indexer (plain fetch, no pooled client).
    ofetch(`${process.env.INDEXER_URL}/tenants/${tenant}/notes`, { method: 'POST', body: { id: inserted.id } }).catch(() => {});
    return inserted;
  }),
);

app.use(router);

const server = createServer(toNodeListener(app)).listen(Number(process.env.PORT ?? 3000));

process.on('SIGTERM', async () => {
  server.close();
  await closeAll();
});
