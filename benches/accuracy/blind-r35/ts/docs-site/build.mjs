import Metalsmith from 'metalsmith';
import markdown from '@metalsmith/markdown';
import layouts from '@metalsmith/layouts';
import permalinks from '@metalsmith/permalinks';
import { Client as Elastic } from '@elastic/elasticsearch';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import releaseNotes from './plugins/release-notes.mjs';
import searchIndex from './plugins/search-index.mjs';

const __dirname = dirname(fileURLToPath(import.meta.url));

async function build() {
  const es = new Elastic({
    node: process.env.ES_URL ?? 'http://localhost:9200',
    auth: process.env.ES_API_KEY ? { apiKey: process.env.ES_API_KEY } : undefined,
  });
  try {
    const files = await Metalsmith(__dirname)
      .source('./content')
      .destination('./public')
      .clean(true)
      .metadata({ site: { name: 'Acme Docs', url: 'https://docs.acme.example' } })
      .use(releaseNotes({ connectionString: process.env.RELEASES_DB_URL, product: 'acme-platform' }))
      .use(markdown())
      .use(permalinks())
      .use(layouts({ directory: 'layouts', default: 'page.hbs', pattern: '**/*.html' }))
      .use(searchIndex({ es, index: 'docs-v4' }))
      .build();
    console.log(`built ${Object.keys(files).length} files`);
  } finally {
    await es.close();
  }
}

build().catch((err) => {
  console.error(err);
  process.exit(1);
});
