import {inject} from '@loopback/core';
import {get, param, HttpErrors} from '@loopback/rest';
import {Client} from '@elastic/elasticsearch';
import {ES_CONFIG, EsConfig} from '../application';

interface ProductDoc {
  sku: string;
  title: string;
  brand: string;
  priceCents: number;
}

export class ProductSearchController {
  private readonly es: Client;

  constructor(@inject(ES_CONFIG) private readonly config: EsConfig) {
    this.es = new Client({
      node: config.node,
      auth: config.apiKey ? {apiKey: config.apiKey} : undefined,
      requestTimeout: 5000,
    });
  }

  @get('/products/search')
  async search(
    @param.query.string('q') q: string,
    @param.query.string('brand') brand?: string,
    @param.query.number('page') page = 0,
  ) {
    if (!q) throw new HttpErrors.BadRequest('q is required');
    const filter = brand ? [{term: {brand}}] : [];
    const res = await this.es.search<ProductDoc>({
      index: this.config.index,
      from: page * 20,
      size: 20,
      query: {bool: {must: [{multi_match: {query: q, fields: ['title^3', 'brand', 'description']}}], filter}},
    });
    return {
      total: typeof res.hits.total === 'number' ? res.hits.total : res.hits.total?.value,
      items: res.hits.hits.map(h => h._source),
    };
  }

  @get('/products/{sku}')
  async bySku(@param.path.string('sku') sku: string) {
    const res = await this.es.get<ProductDoc>({index: this.config.index, id: sku}, {ignore: [404]});
    if (!res.found) throw new HttpErrors.NotFound(`No product ${sku}`);
    return res._source;
  }
}
