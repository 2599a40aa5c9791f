import { Client } from '@elastic/elasticsearch';
import { MongoClient } from 'mongodb';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';

interface ReindexArgs {
  mongoUrl: string;
  db: string;
  index: string;
  batch: number;
}

export const reindexCommand: CommandModule<object, ReindexArgs> = {
  command: 'reindex',
  describe: 'Rebuild the product search index from MongoDB',
  builder: (y: Argv) =>
    y
      .option('index', { type: 'string', default: 'products-v3' })
      .option('batch', { type: 'number', default: 500 }) as unknown as Argv<ReindexArgs>,
  handler: async (argv: ArgumentsCamelCase<ReindexArgs>) => {
    const mongo = new MongoClient(argv.mongoUrl, { appName: 'opsctl-reindex' });
    const es = new Client({
      node: process.env.ELASTICSEARCH_URL ?? 'http://localhost:9200',
      auth: { apiKey: process.env.ELASTICSEARCH_API_KEY ?? '' },
    });

    try {
      await mongo.connect();
      const products = mongo.db(argv.db).collection('products').find({ archived: { $ne: true } });

      let batch: Array<Record<string, unknown>> = [];
      let indexed = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        const operations = batch.flatMap((p) => [{ index: { _index: argv.index, _id: String(p._id) } }, { ...p, _id: undefined }]);
        const result = await es.bulk({ operations, refresh: false });
        if (result.errors) console.warn('bulk batch had item errors');
        indexed += batch.length;
        batch = [];
      };

      for await (const product of products) {
        batch.push(product);
        if (batch.length >= argv.batch) await flush();
      }
      await flush();
      await es.indices.refresh({ index: argv.index });
      console.log(`indexed ${indexed} products into ${argv.index}`);
    } finally {
      await Promise.allSettled([es.close(), mongo.close()]);
    }
  },
};
