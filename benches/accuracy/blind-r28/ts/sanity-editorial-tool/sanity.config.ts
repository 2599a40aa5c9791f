import { defineConfig, defineField, defineType } from 'sanity'
import { structureTool } from 'sanity/structure'
import { visionTool } from '@sanity/vision'
import { editorialDashboard } from './src/plugins/editorial-dashboard'

const article = defineType({
  name: 'article',
  title: 'Article',
  type: 'document',
  fields: [
    defineField({ name: 'title', type: 'string', validation: (rule) => rule.required() }),
    defineField({ name: 'slug', type: 'slug', options: { source: 'title' } }),
    defineField({
      name: 'status',
      type: 'string',
      options: { list: ['draft', 'review', 'approved', 'published'] },
      initialValue: 'draft',
    }),
    defineField({ name: 'desk', type: 'string', options: { list: ['politics', 'business', 'sport', 'culture'] } }),
    defineField({ name: 'author', type: 'reference', to: [{ type: 'author' }] }),
    defineField({ name: 'body', type: 'array', of: [{ type: 'block' }] }),
  ],
})

const author = defineType({
  name: 'author',
  title: 'Author',
  type: 'document',
  fields: [defineField({ name: 'name', type: 'string' }), defineField({ name: 'desk', type: 'string' })],
})

export default defineConfig({
  name: 'newsroom',
  title: 'Acme Newsroom',
  projectId: 'q7x2kd9m',
  dataset: 'production',
  plugins: [
    structureTool(),
    visionTool({ defaultApiVersion: '2024-08-01' }),
    editorialDashboard({ wireFeedUrl: 'https://wire.acme-news.example/stream' }),
  ],
  schema: { types: [article, author] },
})
