const { Client } = require('@opensearch-project/opensearch')
const mapping = require('./mapping')

/* global WIKI */

module.exports = {
  client: null,

  async activate () {
    // not used
  },

  async deactivate () {
    await this.closeClient()
  },

  async closeClient () {
    if (this.client) {
      const old = this.client
      this.client = null
      await old.close()
    }
  },

  async init () {
    WIKI.logger.info(`(SEARCH/OPENSEARCH) Initializing...`)
    await this.closeClient()
    this.client = new Client({
      nodes: this.config.hosts.split(',').map(h => h.trim()),
      sniffOnStart: this.config.sniffOnStart,
      name: 'wiki-js'
    })

    const exists = await this.client.indices.exists({ index: this.config.indexName })
    if (!exists.body) {
      WIKI.logger.info(`(SEARCH/OPENSEARCH) Creating index ${this.config.indexName}...`)
      await this.client.indices.create({
        index: this.config.indexName,
        body: mapping.indexBody(this.config.analyzer)
      })
    }
    WIKI.logger.info(`(SEARCH/OPENSEARCH) Initialization completed.`)
  },

  async query (q, opts) {
    const results = await this.client.search({
      index: this.config.indexName,
      body: {
        query: {
          simple_query_string: {
            query: `*${q}*`,
            fields: ['title^20', 'description^3', 'tags^8', 'content^1'],
            default_operator: 'and',
            analyze_wildcard: true
          }
        },
        from: 0,
        size: 50,
        _source: ['title', 'description', 'path', 'locale'],
        suggest: {
          suggestions: { text: q, completion: { field: 'suggest', size: 5, skip_duplicates: true, fuzzy: true } }
        }
      }
    })
    return {
      results: results.body.hits.hits.map(r => ({
        id: r._id,
        locale: r._source.locale,
        path: r._source.path,
        title: r._source.title,
        description: r._source.description
      })),
      suggestions: (results.body.suggest.suggestions[0] || { options: [] }).options.map(s => s.text),
      totalHits: results.body.hits.total.value
    }
  },

  async created (page) {
    await this.client.index({
      index: this.config.indexName,
      id: page.hash,
      body: mapping.toDocument(page),
      refresh: true
    })
  },

  async updated (page) {
    await this.created(page)
  },

  async deleted (page) {
    await this.client.delete({ index: this.config.indexName, id: page.hash, refresh: true })
  },

  async renamed (page) {
    await this.client.delete({ index: this.config.indexName, id: page.hash, refresh: true })
    await this.client.index({
      index: this.config.indexName,
      id: page.destinationHash,
      body: mapping.toDocument({ ...page, localeCode: page.destinationLocaleCode, path: page.destinationPath }),
      refresh: true
    })
  },

  async rebuild () {
    WIKI.logger.info(`(SEARCH/OPENSEARCH) Rebuilding index...`)
    await this.client.indices.delete({ index: this.config.indexName }, { ignore: [404] })
    await this.init()

    const pages = await WIKI.models.pages.query()
      .select('id', 'hash', 'path', 'localeCode', 'title', 'description', 'render')
      .where({ isPublished: true, isPrivate: false })
      .withGraphFetched('tags')

    const chunkSize = 200
    for (let i = 0; i < pages.length; i += chunkSize) {
      const body = []
      for (const page of pages.slice(i, i + chunkSize)) {
        body.push({ index: { _index: this.config.indexName, _id: page.hash } })
        body.push(mapping.toDocument(page))
      }
      await this.client.bulk({ body, refresh: false })
    }
    await this.client.indices.refresh({ index: this.config.indexName })
    WIKI.logger.info(`(SEARCH/OPENSEARCH) Index rebuilt with ${pages.length} pages.`)
  }
}
