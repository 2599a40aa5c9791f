import type { Deps } from '../dispatch.js';

export interface ReviewPosted {
  reviewId: string;
  customerId: string;
  sku: string;
  rating: number;
}

export async function onReviewPosted(evt: ReviewPosted, { driver }: Deps): Promise<void> {
  const session = driver.session({ database: 'shop' });

  const existing = await session.executeRead((tx) =>
    tx.run(
      'MATCH (:Customer {id: $customerId})-[r:REVIEWED]->(:Product {sku: $sku}) RETURN r.reviewId AS reviewId',
      { customerId: evt.customerId, sku: evt.sku },
    ),
  );
  if (existing.records.some((r) => r.get('reviewId') === evt.reviewId)) {
    // replayed event, already applied
    return;
  }

  await session.executeWrite((tx) =>
    tx.run(
      `MATCH (c:Customer {id: $customerId}), (p:Product {sku: $sku})
       MERGE (c)-[r:REVIEWED]->(p)
       SET r.reviewId = $reviewId, r.rating = $rating`,
      { ...evt },
    ),
  );
  await session.close();
}
