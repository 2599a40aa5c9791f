'use strict'

const { Pool } = require('pg')

module.exports.register = function ({ config }) {
  const logger = this.getLogger('glossary-extension')
  const targetComponent = config.glossaryComponent || 'platform'

  const pool = new Pool({
    connectionString: process.env.GLOSSARY_DATABASE_URL,
    max: 3,
    allowExitOnIdle: true,
  })
  let closed = false
  const close = async () => {
    if (closed) return
    closed = true
    await pool.end()
  }

  this.once('contentClassified', async ({ contentCatalog }) => {
    const { rows: terms } = await pool.query(
      `SELECT term, slug, definition, see_also
         FROM glossary_terms
        WHERE published
        ORDER BY lower(term)`
    )
    logger.info(`loaded ${terms.length} glossary terms`)

    for (const version of contentCatalog.getComponent(targetComponent).versions) {
      const lines = ['= Glossary', ':page-role: glossary', '']
      for (const t of terms) {
        lines.push(`[[${t.slug}]]${t.term}::`, `${t.definition}`)
        if (t.see_also && t.see_also.length) {
          lines.push(`+\nSee also: ${t.see_also.map((s) => `<<${s}>>`).join(', ')}`)
        }
        lines.push('')
      }
      contentCatalog.addFile({
        contents: Buffer.from(lines.join('\n')),
        src: {
          component: targetComponent,
          version: version.version,
          module: 'ROOT',
          family: 'page',
          relative: 'glossary.adoc',
        },
      })
    }

    const pages = contentCatalog.findBy({ family: 'page' })
    for (const page of pages) {
      const text = page.contents.toString()
      const used = terms.filter((t) => text.includes(`xref:${targetComponent}::glossary.adoc#${t.slug}`))
      if (used.length === 0) continue
      await pool.query(
        `INSERT INTO glossary_usage (slug, page_path, seen_at)
         SELECT unnest($1::text[]), $2, now()
         ON CONFLICT (slug, page_path) DO UPDATE SET seen_at = EXCLUDED.seen_at`,
        [used.map((t) => t.slug), `${page.src.component}/${page.src.version}/${page.src.relative}`]
      )
    }
  })

  this.once('sitePublished', close)
  this.once('contextStopped', close)
}
