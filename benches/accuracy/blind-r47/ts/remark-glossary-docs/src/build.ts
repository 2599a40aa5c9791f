import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import fg from 'fast-glob'
import rehypeStringify from 'rehype-stringify'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { read } from 'to-vfile'
import { unified } from 'unified'
import { closeGlossary } from './glossary.js'
import remarkGlossary from './remark-glossary.js'

const processor = unified()
  .use(remarkParse)
  .use(remarkGlossary, { baseUrl: '/handbook/glossary' })
  .use(remarkRehype)
  .use(rehypeStringify)

const files = await fg('docs/**/*.md')
try {
  for (const path of files) {
    const file = await processor.process(await read(path))
    const out = join('dist', path.replace(/^docs\//, '').replace(/\.md$/, '.html'))
    await mkdir(dirname(out), { recursive: true })
    await writeFile(out, String(file))
  }
  console.log(`built ${files.length} pages`)
} finally {
  await closeGlossary()
}
