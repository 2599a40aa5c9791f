import postgres from 'postgres';

// Reviews module: owns the product_reviews tables.
const reviewsSql = postgres(process.env['DATABASE_URL'] as string, {
  max: 5,
  idle_timeout: 20,
});

export interface ReviewSummary {
  count: number;
  average: number | null;
  latest: Array<{ author: string; rating: number; body: string; created_at: Date }>;
}

export async function reviewSummary(productId: number): Promise<ReviewSummary> {
  const [agg] = await reviewsSql<{ count: number; average: number | null }[]>`
    select count(*)::int as count, round(avg(rating), 1)::float as average
      from product_reviews
     where product_id = ${productId} and approved
  `;
  const latest = await reviewsSql<ReviewSummary['latest']>`
    select author, rating, body, created_at
      from product_reviews
     where product_id = ${productId} and approved
     order by created_at desc
     limit 5
  `;
  return { count: agg.count, average: agg.average, latest };
}
