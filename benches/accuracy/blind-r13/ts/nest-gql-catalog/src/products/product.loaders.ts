import { Injectable, Scope } from '@nestjs/common';
import { Client } from '@elastic/elasticsearch';
import DataLoader from 'dataloader';
import { Product } from './product.model';

interface ProductDoc {
  title: string;
  price: number;
  tags: string[];
}

@Injectable({ scope: Scope.REQUEST })
export class ProductLoaders {
  private readonly es = new Client({
    node: process.env.ELASTIC_URL ?? 'http://localhost:9200',
    auth: { apiKey: process.env.ELASTIC_API_KEY ?? '' },
  });

  readonly byId = new DataLoader<string, Product | null>(async (ids) => {
    const res = await this.es.mget<ProductDoc>({ index: 'products', ids: [...ids] });
    return res.docs.map((doc) =>
      'found' in doc && doc.found && doc._source
        ? { id: doc._id, ...doc._source }
        : null,
    );
  });

  async search(q: string, size = 20): Promise<Product[]> {
    const res = await this.es.search<ProductDoc>({
      index: 'products',
      size,
      query: { multi_match: { query: q, fields: ['title^2', 'tags'] } },
    });
    return res.hits.hits.map((h) => ({ id: h._id!, ...h._source! }));
  }
}
