import { initTRPC } from '@trpc/server';
import { z } from 'zod';
import type { Context } from './context.js';

const t = initTRPC.context<Context>().create();

interface DocHit {
  _id: string;
  _score: number;
  _source: { title: string; summary?: string };
}

export const appRouter = t.router({
  search: t.procedure
    .input(z.object({ q: z.string().min(1).max(200), size: z.number().int().max(50).default(10) }))
    .query(async ({ ctx, input }) => {
      const cacheKey = `search:${ctx.tenant}:${input.size}:${input.q}`;
      const cached = await ctx.cache.get(cacheKey);
      if (cached) return JSON.parse(cached) as DocHit[];

      const res = await ctx.search.search({
        index: `${ctx.tenant}-docs`,
        body: {
          size: input.size,
          query: { multi_match: { query: input.q, fields: ['title^3', 'summary', 'body'] } },
        },
      });
      const hits = res.body.hits.hits as unknown as DocHit[];
      await ctx.cache.set(cacheKey, JSON.stringify(hits), 'EX', 60);
      return hits;
    }),

  suggest: t.procedure.input(z.object({ prefix: z.string().min(2) })).query(async ({ ctx, input }) => {
    const res = await ctx.search.search({
      index: `${ctx.tenant}-docs`,
      body: {
        size: 0,
        suggest: { titles: { prefix: input.prefix, completion: { field: 'title_suggest', size: 8 } } },
      },
    });
    return res.body.suggest?.titles?.[0]?.options ?? [];
  }),
});

export type AppRouter = typeof appRouter;
