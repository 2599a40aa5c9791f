const _ = require('lodash')

module.exports = {
  indexBody (analyzer) {
    return {
      settings: {
        number_of_shards: 1,
        analysis: {
          analyzer: {
            wiki_text: { type: analyzer || 'simple' }
          }
        }
      },
      mappings: {
        properties: {
          suggest: { type: 'completion' },
          title: { type: 'text', analyzer: 'wiki_text', boost: 10.0 },
          description: { type: 'text', analyzer: 'wiki_text', boost: 3.0 },
          content: { type: 'text', analyzer: 'wiki_text', boost: 1.0 },
          locale: { type: 'keyword' },
          path: { type: 'keyword' },
          tags: { type: 'keyword', boost: 8.0 }
        }
      }
    }
  },

  toDocument (page) {
    return {
      suggest: this.buildSuggest(page),
      locale: page.localeCode,
      path: page.path,
      title: page.title,
      description: page.description,
      content: WIKI.models.pages.cleanHTML(page.render),
      tags: _.map(page.tags || [], 'tag')
    }
  },

  buildSuggest (page) {
    return _.reject(_.uniq(_.concat(
      _.words(page.title),
      _.words(page.description)
    )), w => w.length < 3).map(w => w.toLowerCase())
  }
}
