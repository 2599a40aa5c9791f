import {ApplicationConfig} from '@loopback/core';
import {RestApplication} from '@loopback/rest';
import {Client} from '@elastic/elasticsearch';
import {ProductSearchController} from './controllers/product-search.controller';
import {SuggestController} from './controllers/suggest.controller';
import {PriceHistoryController} from './controllers/price-history.controller';

export const ES_CONFIG = 'config.elasticsearch';
export const ES_CLIENT = 'clients.elasticsearch';

export interface EsConfig {
  node: string;
  apiKey?: string;
  index: string;
}

export class CatalogApplication extends RestApplication {
  constructor(options: ApplicationConfig = {}) {
    super(options);

    const esConfig: EsConfig = {
      node: process.env.ES_URL ?? 'http://localhost:9200',
      apiKey: process.env.ES_API_KEY,
      index: process.env.ES_INDEX ?? 'products',
    };
    this.bind(ES_CONFIG).to(esConfig);
    this.bind(ES_CLIENT).to(
      new Client({node: esConfig.node, auth: esConfig.apiKey ? {apiKey: esConfig.apiKey} : undefined}),
    );

    this.controller(ProductSearchController);
    this.controller(SuggestController);
    this.controller(PriceHistoryController);
  }

  async stop() {
    const es = await this.get<Client>(ES_CLIENT);
    await es.close();
    await super.stop();
  }
}
