'use strict'

const { Client } = require('@elastic/elasticsearch')
const { convert } = require('html-to-text')

module.exports.register = function ({ config }) {
  const logger = this.getLogger('search-index-extension')
  const prefix = config.indexPrefix || 'docs'
  const records = []

  if (!process.env.SEARCH_URL) {
    logger.warn('SEARCH_URL not set, search index will not be updated')
    return
  }

  const client = new Client({
    node: process.env.SEARCH_URL,
    auth: { apiKey: process.env.SEARCH_API_KEY },
    requestTimeout: 30000,
  })

  this.once('documentsConverted', ({ contentCatalog }) => {
    for (const page of contentCatalog.getPages((p) => p.out)) {
      records.push({
        url: page.pub.url,
        title: page.asciidoc && page.asciidoc.doctitle,
        component: page.src.component,
        version: page.src.version,
        body: convert(page.contents.toString(), { wordwrap: false }).slice(0, 20000),
      })
    }
  })

  this.once('sitePublished', async ({ playbook }) => {
    const index = `${prefix}-${Date.now()}`
    const alias = `${prefix}-current`
    try {
      await client.helpers.bulk({
        datasource: records,
        onDocument: (doc) => ({ index: { _index: index, _id: doc.url } }),
      })
      let existing = {}
      try {
        existing = await client.indices.getAlias({ name: alias })
      } catch (err) {
        if (!err.meta || err.meta.statusCode !== 404) throw err
      }
      const actions = [{ add: { index, alias } }]
      for (const old of Object.keys(existing || {})) {
        if (old !== index) actions.push({ remove: { index: old, alias } })
      }
      await client.indices.updateAliases({ actions })
      logger.info(`indexed ${records.length} pages for ${playbook.site.url} into ${index}`)
    } finally {
      await client.close()
    }
  })

  this.once('contextStopped', () => client.close())
}
