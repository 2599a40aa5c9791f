import { getSearch } from "../search.js";
import { Layout } from "./Layout.js";

type Hit = { sku: string; name: string; price_cents: number };

async function Results({ q }: { q: string }) {
  const index = getSearch().index<Hit>("products");
  const { hits, estimatedTotalHits } = await index.search(q, { limit: 24 });
  return (
    <section>
      <p>{estimatedTotalHits ?? hits.length} results</p>
      <ol>
        {hits.map((h) => (
          <li>
            <a href={`/p/${encodeURIComponent(h.sku)}`} safe>
              {h.name}
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function SearchPage({ q }: { q: string }) {
  return (
    <Layout title={`Search: ${q}`}>
      <Results q={q} />
    </Layout>
  );
}
