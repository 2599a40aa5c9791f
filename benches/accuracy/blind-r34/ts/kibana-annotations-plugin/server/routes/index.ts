import { schema } from '@kbn/config-schema';
import type { IRouter, Logger } from '@kbn/core/server';
import { createAnnotation, listAnnotations } from '../lib/annotation_store';
import { audit } from '../lib/audit_log';
import { getArchiveClient } from '../lib/archive_client';

export function registerRoutes(router: IRouter, logger: Logger) {
  router.get(
    {
      path: '/api/acme_annotations/{dashboardId}',
      validate: { params: schema.object({ dashboardId: schema.string() }) },
    },
    async (_context, request, response) => {
      const annotations = await listAnnotations(request.params.dashboardId);
      return response.ok({ body: { annotations } });
    },
  );

  router.post(
    {
      path: '/api/acme_annotations',
      validate: {
        body: schema.object({
          dashboardId: schema.string(),
          message: schema.string({ maxLength: 2000 }),
          tags: schema.arrayOf(schema.string(), { defaultValue: [] }),
          timestamp: schema.string(),
        }),
      },
    },
    async (context, request, response) => {
      const core = await context.core;
      const user = core.security.authc.getCurrentUser();
      const author = user?.username ?? 'anonymous';
      const id = await createAnnotation({ ...request.body, author });
      await audit(author, 'create', { id, dashboardId: request.body.dashboardId });
      return response.ok({ body: { id } });
    },
  );

  router.get(
    {
      path: '/api/acme_annotations/archive/_search',
      validate: { query: schema.object({ q: schema.string(), size: schema.number({ defaultValue: 50 }) }) },
    },
    async (_context, request, response) => {
      const archive = getArchiveClient();
      try {
        const result = await archive.search({
          index: 'annotations-archive-*',
          size: request.query.size,
          query: { simple_query_string: { query: request.query.q, fields: ['message', 'tags'] } },
        });
        return response.ok({ body: { hits: result.hits.hits.map((h) => h._source) } });
      } catch (err) {
        logger.warn(`archive search failed: ${(err as Error).message}`);
        return response.customError({ statusCode: 502, body: { message: 'archive unavailable' } });
      }
    },
  );

  router.get(
    {
      path: '/api/acme_annotations/{dashboardId}/_hits',
      validate: { params: schema.object({ dashboardId: schema.string() }) },
    },
    async (context, request, response) => {
      // Uses Kibana's own scoped client: no connection management here.
      const esClient = (await context.core).elasticsearch.client.asCurrentUser;
      const result = await esClient.count({
        index: 'logs-*',
        query: { term: { 'kibana.dashboard.id': request.params.dashboardId } },
      });
      return response.ok({ body: { count: result.count } });
    },
  );
}
