import type { ActionOptions } from 'adminjs';
import { Client } from '@elastic/elasticsearch';

export const reindexAction: ActionOptions = {
  actionType: 'record',
  icon: 'RefreshCw',
  component: false,
  handler: async (request, response, context) => {
    const { record, currentAdmin } = context;
    if (!record) throw new Error('reindex needs a record');

    const es = new Client({
      node: process.env.ES_URL ?? 'http://localhost:9200',
      auth: { apiKey: process.env.ES_API_KEY ?? '' },
    });
    await es.index({
      index: 'orders',
      id: String(record.id()),
      document: record.params,
      refresh: 'wait_for',
    });

    return {
      record: record.toJSON(currentAdmin),
      notice: { message: `Order ${record.id()} reindexed`, type: 'success' },
    };
  },
};
