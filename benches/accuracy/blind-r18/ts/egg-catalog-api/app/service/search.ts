import { Context, Service } from 'egg';
import { Client } from '@elastic/elasticsearch';

interface ProductDoc {
  sku: string;
  title: string;
  category: string;
  price_cents: number;
}

export default class SearchService extends Service {
  private readonly es: Client;

  constructor(ctx: Context) {
    super(ctx);
    this.es = new Client({ node: this.config.elasticsearch.node, requestTimeout: 5_000 });
  }

  public async products(q: string, category?: string | string[]) {
    const filter = category ? [{ term: { category: String(category) } }] : [];
    const res = await this.es.search<ProductDoc>({
      index: this.config.elasticsearch.index,
      size: 24,
      query: {
        bool: {
          must: [{ multi_match: { query: q, fields: ['title^3', 'description', 'brand'] } }],
          filter,
        },
      },
    });
    return res.hits.hits.map((h) => ({ score: h._score, ...h._source }));
  }
}
