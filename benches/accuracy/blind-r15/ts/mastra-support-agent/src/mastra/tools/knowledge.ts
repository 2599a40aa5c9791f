import { createTool } from "@mastra/core/tools";
import { z } from "zod";
import { graph } from "../lib/graph";

export const relatedArticlesTool = createTool({
  id: "related-articles",
  description: "Find help-center articles linked to a product in the knowledge graph.",
  inputSchema: z.object({ productSku: z.string(), limit: z.number().int().max(10).default(5) }),
  execute: async ({ context }) => {
    const session = graph.session({ defaultAccessMode: "READ", database: "kb" });
    try {
      const res = await session.executeRead((tx) =>
        tx.run(
          `MATCH (p:Product {sku: $sku})<-[:ABOUT]-(a:Article)
           RETURN a.title AS title, a.url AS url
           ORDER BY a.helpfulVotes DESC LIMIT toInteger($limit)`,
          { sku: context.productSku, limit: context.limit },
        ),
      );
      return { articles: res.records.map((r) => ({ title: r.get("title"), url: r.get("url") })) };
    } finally {
      await session.close();
    }
  },
});
