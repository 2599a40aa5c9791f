import type { Knex } from 'knex';
import type { Redis } from 'ioredis';
import type { Jobs } from 'node-resque';
import { DONE_CHANNEL } from '../db/knex.js';

export function buildJobs(db: Knex, publisher: Redis): Jobs {
  return {
    renderReport: {
      plugins: ['JobLock'],
      pluginOptions: { JobLock: { reEnqueue: false } },
      perform: async (reportId: number) => {
        const report = await db('reports').where({ id: reportId }).first();
        if (!report || report.status === 'done') return 'skipped';

        await db.transaction(async (trx) => {
          const rows = await trx('sales')
            .select('region')
            .sum({ revenue: 'amount_cents' })
            .count({ orders: '*' })
            .whereBetween('sold_at', [report.period_start, report.period_end])
            .groupBy('region');
          await trx('report_rows').where({ report_id: reportId }).delete();
          if (rows.length) {
            await trx('report_rows').insert(rows.map((r) => ({ report_id: reportId, ...r })));
          }
          await trx('reports').where({ id: reportId }).update({ status: 'done', finished_at: trx.fn.now() });
        });

        await publisher.publish(DONE_CHANNEL, JSON.stringify({ reportId, owner: report.owner_id }));
        return 'rendered';
      },
    },
  };
}
