import type { Root, Text, PhrasingContent } from 'mdast'
import type { Plugin } from 'unified'
import { SKIP, visit } from 'unist-util-visit'
import { getGlossary } from './glossary.js'

interface Options {
  baseUrl?: string
}

// Links the first occurrence of every glossary term in a document.
const remarkGlossary: Plugin<[Options?], Root> = (options = {}) => {
  const baseUrl = options.baseUrl ?? '/glossary'

  return async (tree, file) => {
    const terms = await getGlossary()
    if (terms.size === 0) return
    const pattern = new RegExp(`\\b(${[...terms.keys()].map(escape).join('|')})\\b`, 'i')
    const seen = new Set<string>()

    visit(tree, 'text', (node: Text, index, parent) => {
      if (!parent || index === undefined || parent.type === 'link' || parent.type === 'heading') return
      const match = pattern.exec(node.value)
      if (!match) return
      const key = match[1].toLowerCase()
      if (seen.has(key)) return
      seen.add(key)

      const term = terms.get(key)!
      const before = node.value.slice(0, match.index)
      const after = node.value.slice(match.index + match[1].length)
      const replacement: PhrasingContent[] = [
        { type: 'text', value: before },
        {
          type: 'link',
          url: `${baseUrl}#${term.slug}`,
          title: term.definition,
          children: [{ type: 'text', value: match[1] }],
        },
        { type: 'text', value: after },
      ]
      parent.children.splice(index, 1, ...replacement)
      file.data.glossaryTerms = [...seen]
      return [SKIP, index + replacement.length]
    })
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export default remarkGlossary
