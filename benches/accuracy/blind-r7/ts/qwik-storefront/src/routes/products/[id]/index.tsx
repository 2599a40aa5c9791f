import { component$, useSignal, useVisibleTask$ } from '@builder.io/qwik';
import { Form, routeAction$, routeLoader$, server$, z, zod$ } from '@builder.io/qwik-city';
import { neon } from '@neondatabase/serverless';
import { sql } from '~/lib/db';

interface Product {
  id: string;
  name: string;
  description: string;
  price_cents: number;
}

// Neon's HTTP driver: each query is a single fetch, there is no socket or pool to keep.
export const useProduct = routeLoader$(async ({ params, env, status }) => {
  const query = neon(env.get('DATABASE_URL')!);
  const rows = (await query`SELECT id, name, description, price_cents FROM products WHERE id = ${params.id}`) as Product[];
  if (rows.length === 0) {
    status(404);
    return null;
  }
  return rows[0];
});

export const useAddToCart = routeAction$(
  async ({ qty }, { params, cookie }) => {
    const cartId = cookie.get('cart')?.value ?? crypto.randomUUID();
    cookie.set('cart', cartId, { path: '/', httpOnly: true, sameSite: 'lax' });
    await sql.begin(async (tx) => {
      await tx`INSERT INTO carts (id) VALUES (${cartId}) ON CONFLICT DO NOTHING`;
      await tx`
        INSERT INTO cart_items (cart_id, product_id, qty) VALUES (${cartId}, ${params.id}, ${qty})
        ON CONFLICT (cart_id, product_id) DO UPDATE SET qty = cart_items.qty + EXCLUDED.qty`;
    });
    return { ok: true };
  },
  zod$({ qty: z.coerce.number().int().min(1).max(20) }),
);

const stockFor = server$(async function (productId: string) {
  const [row] = await sql<{ stock: number }[]>`SELECT stock FROM inventory WHERE product_id = ${productId}`;
  return row?.stock ?? 0;
});

export default component$(() => {
  const product = useProduct();
  const addToCart = useAddToCart();
  const stock = useSignal<number | null>(null);

  useVisibleTask$(({ track, cleanup }) => {
    const id = track(() => product.value?.id);
    if (!id) return;
    const refresh = async () => {
      stock.value = await stockFor(id);
    };
    refresh();
    const timer = setInterval(refresh, 15_000);
    cleanup(() => clearInterval(timer));
  });

  if (!product.value) {
    return <p>Product not found.</p>;
  }

  return (
    <article>
      <h1>{product.value.name}</h1>
      <p>{product.value.description}</p>
      <p>${(product.value.price_cents / 100).toFixed(2)}</p>
      <p>{stock.value === null ? 'checking stock…' : `${stock.value} in stock`}</p>
      <Form action={addToCart}>
        <input type="number" name="qty" value={1} min={1} max={20} />
        <button type="submit" disabled={stock.value === 0}>
          Add to cart
        </button>
      </Form>
    </article>
  );
});
