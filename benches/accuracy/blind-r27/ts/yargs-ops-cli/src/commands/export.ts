import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { MongoClient } from 'mongodb';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';

interface ExportArgs {
  mongoUrl: string;
  db: string;
  collection: string;
  since: string;
  bucket: string;
}

export const exportCommand: CommandModule<object, ExportArgs> = {
  command: 'export <collection>',
  describe: 'Export documents changed since a date to S3 as NDJSON',
  builder: (y: Argv) =>
    y
      .positional('collection', { type: 'string', demandOption: true })
      .option('since', { type: 'string', demandOption: true, describe: 'ISO date' })
      .option('bucket', { type: 'string', default: process.env.EXPORT_BUCKET ?? 'shop-exports' }) as unknown as Argv<ExportArgs>,
  handler: async (argv: ArgumentsCamelCase<ExportArgs>) => {
    const mongo = new MongoClient(argv.mongoUrl, { appName: 'opsctl-export' });
    const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-central-1' });
    try {
      await mongo.connect();
      const cursor = mongo
        .db(argv.db)
        .collection(argv.collection)
        .find({ updatedAt: { $gte: new Date(argv.since) } })
        .sort({ _id: 1 });

      const lines: string[] = [];
      for await (const doc of cursor) lines.push(JSON.stringify(doc));

      const key = `${argv.collection}/${argv.since}-${Date.now()}.ndjson`;
      await s3.send(
        new PutObjectCommand({
          Bucket: argv.bucket,
          Key: key,
          Body: lines.join('\n'),
          ContentType: 'application/x-ndjson',
        }),
      );
      console.log(`exported ${lines.length} documents to s3://${argv.bucket}/${key}`);
    } finally {
      s3.destroy();
      await mongo.close();
    }
  },
};
