import { sql, type Product } from '../../lib/db';
import { AddToCart } from '../../components/AddToCart';
import { LiveStock } from '../../components/LiveStock';

export default async function ProductPage({ slug }: { slug: string }) {
  const [product] = await sql<Product[]>`
    select id, slug, name, description, price_cents, stock
      from products
     where slug = ${slug}`;

  if (!product) {
    return <p>Product not found.</p>;
  }

  return (
    <article>
      <h1>{product.name}</h1>
      <p>{product.description}</p>
      <p>${(product.price_cents / 100).toFixed(2)}</p>
      <LiveStock productId={product.id} initial={product.stock} />
      <AddToCart productId={product.id} />
    </article>
  );
}

export const getConfig = async () => {
  return { render: 'dynamic' } as const;
};
