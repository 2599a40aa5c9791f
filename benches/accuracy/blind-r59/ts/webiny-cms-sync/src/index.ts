import { createHandler } from "@webiny/handler-aws";
import graphqlPlugins from "@webiny/handler-graphql";
import { createHeadlessCmsContext, createHeadlessCmsGraphQL } from "@webiny/api-headless-cms";
import { CmsGraphQLSchemaPlugin } from "@webiny/api-headless-cms/plugins";
import { createStorageOperations } from "@webiny/api-headless-cms-ddb-es";
import { analyticsContext, AnalyticsContext } from "./plugins/analyticsContext";
import { searchSync } from "./plugins/searchSync";
import { documentClient, elasticsearchClient } from "./clients";

const analyticsSchema = new CmsGraphQLSchemaPlugin<AnalyticsContext>({
  typeDefs: /* GraphQL */ `
    type ArticleStats {
      views: Int!
      uniqueReaders: Int!
      avgReadSeconds: Float!
    }
    extend type Query {
      articleStats(entryId: ID!): ArticleStats
      trendingArticles(limit: Int = 10): [ID!]!
    }
  `,
  resolvers: {
    Query: {
      articleStats: async (_: unknown, args: { entryId: string }, context) => {
        return context.analytics.statsFor(args.entryId);
      },
      trendingArticles: async (_: unknown, args: { limit: number }, context) => {
        return context.analytics.trending(Math.min(args.limit, 50));
      },
    },
  },
});

export const handler = createHandler({
  plugins: [
    graphqlPlugins({ debug: process.env.DEBUG === "true" }),
    createHeadlessCmsContext({
      storageOperations: createStorageOperations({ documentClient, elasticsearch: elasticsearchClient }),
    }),
    createHeadlessCmsGraphQL(),
    analyticsContext,
    searchSync,
    analyticsSchema,
  ],
  debug: process.env.DEBUG === "true",
});
