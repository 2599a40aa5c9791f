import { defineDocumentType, makeSource } from 'contentlayer2/source-files';
import readingTime from 'reading-time';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { connectCms, findAuthor } from './lib/cms';
import { formatViews, getViewCount, popularity } from './lib/views';

export const Post = defineDocumentType(() => ({
  name: 'Post',
  filePathPattern: 'posts/**/*.mdx',
  contentType: 'mdx',
  fields: {
    title: { type: 'string', required: true },
    summary: { type: 'string', required: true },
    publishedAt: { type: 'date', required: true },
    author: { type: 'string', required: true, description: 'GitHub handle of the author' },
    tags: { type: 'list', of: { type: 'string' }, default: [] },
    draft: { type: 'boolean', default: false },
  },
  computedFields: {
    slug: {
      type: 'string',
      resolve: (doc) => doc._raw.flattenedPath.replace(/^posts\//, ''),
    },
    url: {
      type: 'string',
      resolve: (doc) => `/blog/${doc._raw.flattenedPath.replace(/^posts\//, '')}`,
    },
    readingMinutes: {
      type: 'number',
      resolve: (doc) => Math.ceil(readingTime(doc.body.raw).minutes),
    },
    authorProfile: {
      type: 'json',
      resolve: async (doc) => {
        const cms = await connectCms();
        return findAuthor(cms, doc.author);
      },
    },
    views: {
      type: 'string',
      resolve: async (doc) => formatViews(await getViewCount(doc._raw.flattenedPath.replace(/^posts\//, ''))),
    },
    score: {
      type: 'number',
      resolve: async (doc) => {
        const views = await getViewCount(doc._raw.flattenedPath.replace(/^posts\//, ''));
        return popularity(views, doc.publishedAt);
      },
    },
  },
}));

export const Page = defineDocumentType(() => ({
  name: 'Page',
  filePathPattern: 'pages/*.mdx',
  contentType: 'mdx',
  fields: {
    title: { type: 'string', required: true },
  },
  computedFields: {
    url: { type: 'string', resolve: (doc) => `/${doc._raw.flattenedPath.replace(/^pages\//, '')}` },
  },
}));

export default makeSource({
  contentDirPath: 'content',
  documentTypes: [Post, Page],
  mdx: {
    remarkPlugins: [remarkGfm],
    rehypePlugins: [rehypeSlug],
  },
});
