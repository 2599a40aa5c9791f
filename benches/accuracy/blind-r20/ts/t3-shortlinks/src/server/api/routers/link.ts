import { z } from "zod";
import { desc, eq, sql } from "drizzle-orm";
import { TRPCError } from "@trpc/server";

import { createTRPCRouter, limitedProcedure, protectedProcedure } from "~/server/api/trpc";
import { clicks } from "~/server/analytics";

export const linkRouter = createTRPCRouter({
  create: protectedProcedure
    .input(z.object({ slug: z.string().regex(/^[a-z0-9-]{3,32}$/), target: z.string().url() }))
    .mutation(async ({ ctx, input }) => {
      const exists = await ctx.db.link.findUnique({ where: { slug: input.slug } });
      if (exists) throw new TRPCError({ code: "CONFLICT", message: "slug taken" });
      return ctx.db.link.create({ data: { ...input, ownerId: ctx.userId } });
    }),

  resolve: limitedProcedure
    .input(z.object({ slug: z.string(), referrer: z.string().nullish() }))
    .query(async ({ ctx, input }) => {
      const link = await ctx.db.link.findUnique({ where: { slug: input.slug } });
      if (!link) throw new TRPCError({ code: "NOT_FOUND" });
      await ctx.analytics.insert(clicks).values({
        slug: input.slug,
        referrer: input.referrer ?? null,
        country: ctx.headers.get("x-vercel-ip-country"),
      });
      return { target: link.target };
    }),

  stats: protectedProcedure.input(z.object({ slug: z.string() })).query(async ({ ctx, input }) => {
    const rows = await ctx.analytics
      .select({ country: clicks.country, n: sql<number>`count(*)::int` })
      .from(clicks)
      .where(eq(clicks.slug, input.slug))
      .groupBy(clicks.country)
      .orderBy(desc(sql`count(*)`));
    return rows;
  }),
});
