import path from 'path';
import { fileURLToPath } from 'url';
import { buildConfig } from 'payload';
import { mongooseAdapter } from '@payloadcms/db-mongodb';
import { lexicalEditor } from '@payloadcms/richtext-lexical';
import { Orders } from './collections/Orders';
import { Products } from './collections/Products';

const dirname = path.dirname(fileURLToPath(import.meta.url));

export default buildConfig({
  secret: process.env.PAYLOAD_SECRET || '',
  editor: lexicalEditor(),
  db: mongooseAdapter({ url: process.env.DATABASE_URI || '' }),
  collections: [Orders, Products],
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
});
