import {inject} from '@loopback/core';
import {get, param} from '@loopback/rest';
import {Client} from '@elastic/elasticsearch';
import {ES_CLIENT, ES_CONFIG, EsConfig} from '../application';

export class SuggestController {
  constructor(
    @inject(ES_CLIENT) private readonly es: Client,
    @inject(ES_CONFIG) private readonly config: EsConfig,
  ) {}

  @get('/products/suggest')
  async suggest(@param.query.string('prefix') prefix: string) {
    const res = await this.es.search({
      index: this.config.index,
      size: 0,
      suggest: {
        titles: {prefix, completion: {field: 'title_suggest', size: 8, skip_duplicates: true}},
      },
    });
    const options = (res.suggest?.titles?.[0]?.options ?? []) as Array<{text: string}>;
    return options.map(o => o.text);
  }
}
