import type { GetServerSideProps } from 'next';
import { ObjectId } from 'mongodb';
import clientPromise from '../../lib/mongodb';
import { fetchReviews, Review } from '../../lib/reviews';

type OrderView = { id: string; status: string; items: { slug: string; qty: number }[]; reviews: Review[] };

export const getServerSideProps: GetServerSideProps<{ order: OrderView }> = async ({ params }) => {
  const id = String(params?.id ?? '');
  if (!ObjectId.isValid(id)) return { notFound: true };

  const client = await clientPromise;
  const doc = await client.db('shop').collection('orders').findOne({ _id: new ObjectId(id) });
  if (!doc) return { notFound: true };

  const firstSlug = doc.items?.[0]?.slug as string | undefined;
  const reviews = firstSlug ? await fetchReviews(firstSlug).catch(() => []) : [];

  return {
    props: {
      order: { id, status: doc.status, items: doc.items ?? [], reviews },
    },
  };
};

export default function OrderPage({ order }: { order: OrderView }) {
  return (
    <main>
      <h1>Order {order.id}</h1>
      <p>Status: {order.status}</p>
      <ul>
        {order.items.map((i) => (
          <li key={i.slug}>
            {i.slug} × {i.qty}
          </li>
        ))}
      </ul>
      {order.reviews.length > 0 && <p>{order.reviews.length} reviews for your first item</p>}
    </main>
  );
}
