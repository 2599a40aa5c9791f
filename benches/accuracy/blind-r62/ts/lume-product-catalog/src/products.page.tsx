import type { Product } from "../_loaders/catalog.ts";

export const layout = "product.tsx";

// One generated page per product; data comes from the build-time snapshot.
export default function* ({ products }: { products: Product[] }) {
  for (const product of products) {
    yield {
      url: `/p/${product.slug}/`,
      title: product.name,
      product,
    };
  }
}
