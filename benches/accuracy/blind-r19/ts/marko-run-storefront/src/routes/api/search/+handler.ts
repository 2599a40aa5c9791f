import { searchClient } from "../../../lib/search";

export const GET: MarkoRun.Handler = async (context) => {
  const q = context.url.searchParams.get("q")?.trim();
  if (!q) return Response.json({ hits: [] });

  const search = searchClient();
  const result = await search.search({
    index: "products",
    body: {
      size: 20,
      query: {
        multi_match: { query: q, fields: ["title^3", "description", "tags"], fuzziness: "AUTO" },
      },
    },
  });

  const hits = result.body.hits.hits.map((h: any) => ({ slug: h._source.slug, title: h._source.title }));
  return Response.json({ hits }, { headers: { "cache-control": "public, max-age=30" } });
};
