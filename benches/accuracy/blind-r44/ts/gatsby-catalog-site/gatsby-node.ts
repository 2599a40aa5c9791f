import path from "node:path";
import type { CreateNodeArgs, CreatePagesArgs, CreateResolversArgs, GatsbyNode, SourceNodesArgs } from "gatsby";
import { Client, Pool } from "pg";
import { Client as ElasticClient } from "@elastic/elasticsearch";

const PG_URL = process.env.CATALOG_DATABASE_URL ?? "postgres://catalog@localhost:5432/catalog";
const ES_NODE = process.env.ELASTIC_URL ?? "http://localhost:9200";

interface CategoryRow {
  slug: string;
  name: string;
  sort_order: number;
}

export const sourceNodes: GatsbyNode["sourceNodes"] = async ({
  actions,
  createNodeId,
  createContentDigest,
}: SourceNodesArgs) => {
  const pool = new Pool({ connectionString: PG_URL, max: 4 });
  try {
    const { rows } = await pool.query<CategoryRow>(
      "SELECT slug, name, sort_order FROM categories WHERE published ORDER BY sort_order",
    );
    for (const row of rows) {
      actions.createNode({
        ...row,
        id: createNodeId(`category-${row.slug}`),
        internal: { type: "Category", contentDigest: createContentDigest(row) },
      });
    }
  } finally {
    await pool.end();
  }
};

export const onCreateNode: GatsbyNode["onCreateNode"] = async ({ node, actions, getNode }: CreateNodeArgs) => {
  if (node.internal.type !== "MarkdownRemark") return;
  const fileNode = getNode(node.parent as string);
  const sku = path.basename(String(fileNode?.relativePath ?? ""), ".md").toUpperCase();

  actions.createNodeField({ node, name: "slug", value: `/products/${sku.toLowerCase()}/` });
  actions.createNodeField({ node, name: "sku", value: sku });

  const client = new Client({ connectionString: PG_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ on_hand: number; price_cents: number }>(
      "SELECT on_hand, price_cents FROM inventory WHERE sku = $1",
      [sku],
    );
    actions.createNodeField({ node, name: "onHand", value: rows[0]?.on_hand ?? 0 });
    actions.createNodeField({ node, name: "priceCents", value: rows[0]?.price_cents ?? null });
  } finally {
    await client.end();
  }
};

export const createResolvers: GatsbyNode["createResolvers"] = ({ createResolvers }: CreateResolversArgs) => {
  createResolvers({
    MarkdownRemark: {
      relatedSkus: {
        type: "[String!]!",
        args: { limit: { type: "Int", defaultValue: 4 } },
        resolve: async (source: { fields?: { sku?: string }; rawMarkdownBody?: string }, args: { limit: number }) => {
          const es = new ElasticClient({ node: ES_NODE, requestTimeout: 5_000 });
          const result = await es.search<{ sku: string }>({
            index: "products",
            size: args.limit,
            _source: ["sku"],
            query: {
              more_like_this: {
                fields: ["title", "body"],
                like: source.rawMarkdownBody ?? "",
                min_term_freq: 1,
              },
            },
          });
          return result.hits.hits
            .map((h) => h._source?.sku)
            .filter((s): s is string => Boolean(s) && s !== source.fields?.sku);
        },
      },
    },
  });
};

export const createPages: GatsbyNode["createPages"] = async ({ graphql, actions, reporter }: CreatePagesArgs) => {
  const result = await graphql<{ allMarkdownRemark: { nodes: { id: string; fields: { slug: string } }[] } }>(`
    query ProductPages {
      allMarkdownRemark {
        nodes {
          id
          fields {
            slug
          }
        }
      }
    }
  `);
  if (result.errors || !result.data) {
    reporter.panicOnBuild("Failed to query product pages", result.errors);
    return;
  }
  for (const node of result.data.allMarkdownRemark.nodes) {
    actions.createPage({
      path: node.fields.slug,
      component: path.resolve("./src/templates/product.tsx"),
      context: { id: node.id },
    });
  }
};
