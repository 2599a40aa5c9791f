import { Client } from '@elastic/elasticsearch';
import type { CollectionCustomizer } from '@forestadmin/agent';

import { pool } from '../db';

export function customizeCustomers(customers: CollectionCustomizer) {
  // Number of support tickets mentioning the customer, shown as a column in the list view.
  customers.addField('ticketCount', {
    columnType: 'Number',
    dependencies: ['email'],
    getValues: async (records) => {
      const es = new Client({
        node: process.env.ELASTICSEARCH_URL,
        auth: { apiKey: process.env.ELASTICSEARCH_API_KEY as string },
      });
      const result = await es.msearch({
        searches: records.flatMap((r) => [
          { index: 'support-tickets' },
          { size: 0, query: { term: { 'requester.email': r.email } } },
        ]),
      });
      return result.responses.map((resp) =>
        'hits' in resp ? Number((resp.hits.total as { value: number }).value) : 0,
      );
    },
  });

  customers.addField('lifetimeValue', {
    columnType: 'Number',
    dependencies: ['id'],
    getValues: async (records) => {
      const ids = records.map((r) => r.id);
      const { rows } = await pool.query(
        'SELECT customer_id, sum(total_cents) AS ltv FROM orders WHERE customer_id = ANY($1) GROUP BY customer_id',
        [ids],
      );
      const byId = new Map(rows.map((r) => [r.customer_id, Number(r.ltv) / 100]));
      return ids.map((id) => byId.get(id) ?? 0);
    },
  });
}
