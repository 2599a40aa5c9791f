import type { Product } from "../_loaders/catalog.ts";

export const title = "Catalogue";

export default ({ products }: { products: Product[] }, helpers: Lume.Helpers) => (
  <html>
    <head>
      <title>Catalogue</title>
    </head>
    <body>
      <ul>
        {products.map((p) => (
          <li>
            <a href={`/p/${p.slug}/`}>{p.name}</a> — {helpers.price(p.priceCents)}
          </li>
        ))}
      </ul>
    </body>
  </html>
);
