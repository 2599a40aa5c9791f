import { withClient } from "../db.js";
import { Layout } from "./Layout.js";

type Product = { sku: string; name: string; price_cents: number; stock: number };

// Async component: rendered once per page request.
async function ProductGrid({ slug }: { slug: string }) {
  const products = await withClient(async (client) => {
    const { rows } = await client.query<Product>(
      `select p.sku, p.name, p.price_cents, p.stock
         from products p join categories c on c.id = p.category_id
        where c.slug = $1 and p.published
        order by p.rank`,
      [slug]
    );
    return rows;
  });

  return (
    <ul class="grid">
      {products.map((p) => (
        <li class={p.stock > 0 ? "in-stock" : "sold-out"}>
          <a href={`/p/${encodeURIComponent(p.sku)}`} safe>
            {p.name}
          </a>
          <span class="price">{(p.price_cents / 100).toFixed(2)} €</span>
        </li>
      ))}
    </ul>
  );
}

export function CategoryPage({ slug }: { slug: string }) {
  return (
    <Layout title={`Category ${slug}`}>
      <ProductGrid slug={slug} />
    </Layout>
  );
}
