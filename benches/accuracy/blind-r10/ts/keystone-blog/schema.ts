import { list } from '@keystone-6/core';
import { allowAll } from '@keystone-6/core/access';
import { integer, relationship, select, text, timestamp } from '@keystone-6/core/fields';
import { cache } from './lib/cache';
import { sendWebhook } from './lib/webhooks';

const slugify = (s: string) =>
  s.toLowerCase().trim().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

export const lists = {
  Post: list({
    access: allowAll,
    fields: {
      title: text({ validation: { isRequired: true } }),
      slug: text({ isIndexed: 'unique' }),
      status: select({
        options: [
          { label: 'Draft', value: 'draft' },
          { label: 'Published', value: 'published' },
        ],
        defaultValue: 'draft',
      }),
      publishedAt: timestamp(),
      views: integer({ defaultValue: 0 }),
      author: relationship({ ref: 'Author.posts' }),
    },
    hooks: {
      resolveInput: async ({ operation, resolvedData }) => {
        if (operation === 'create' && resolvedData.title && !resolvedData.slug) {
          resolvedData.slug = slugify(resolvedData.title);
        }
        return resolvedData;
      },
      afterOperation: async ({ operation, item, originalItem, context }) => {
        if (operation === 'delete') {
          await cache().del(`post:${originalItem.slug}`);
          return;
        }
        await cache().del(`post:${item.slug}`);

        const becamePublished =
          item.status === 'published' && (operation === 'create' || originalItem?.status !== 'published');
        if (becamePublished) {
          const author = item.authorId
            ? await context.db.Author.findOne({ where: { id: String(item.authorId) } })
            : null;
          await sendWebhook('post.published', { id: item.id, slug: item.slug, title: item.title, author: author?.name });
        }
      },
    },
  }),

  Author: list({
    access: allowAll,
    fields: {
      name: text({ validation: { isRequired: true } }),
      email: text({ isIndexed: 'unique' }),
      posts: relationship({ ref: 'Post.author', many: true }),
    },
  }),
};
