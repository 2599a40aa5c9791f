import { graphql } from '@keystone-6/core';
import type { Context } from '.keystone/types';
import { cache } from './lib/cache';

export const extendGraphqlSchema = graphql.extend((base) => ({
  query: {
    postBySlugCached: graphql.field({
      type: graphql.JSON,
      args: { slug: graphql.arg({ type: graphql.nonNull(graphql.String) }) },
      async resolve(_source, { slug }, context: Context) {
        const hit = await cache().get(`post:${slug}`);
        if (hit) return JSON.parse(hit);

        const post = await context.query.Post.findOne({
          where: { slug },
          query: 'id title slug publishedAt views author { name }',
        });
        if (post) {
          await cache().set(`post:${slug}`, JSON.stringify(post), 'EX', 120);
        }
        return post;
      },
    }),
  },
  mutation: {
    recordView: graphql.field({
      type: graphql.Int,
      args: { id: graphql.arg({ type: graphql.nonNull(graphql.ID) }) },
      async resolve(_source, { id }, context: Context) {
        const updated = await context.sudo().prisma.post.update({
          where: { id: Number(id) },
          data: { views: { increment: 1 } },
          select: { views: true },
        });
        return updated.views;
      },
    }),
    publishPost: graphql.field({
      type: base.object('Post'),
      args: { id: graphql.arg({ type: graphql.nonNull(graphql.ID) }) },
      async resolve(_source, { id }, context: Context) {
        return context.db.Post.updateOne({
          where: { id },
          data: { status: 'published', publishedAt: new Date() },
        });
      },
    }),
  },
}));
