import { MongoClient } from 'mongodb';
import { Context, Emitter, Liquid, Tag, TagToken, TopLevelToken, Value } from 'liquidjs';

interface ReviewDoc {
  author: string;
  rating: number;
  body: string;
  createdAt: Date;
}

/**
 * {% product_reviews product.sku, limit: 5 %}
 * Renders the latest approved reviews for a product.
 */
export class ProductReviewsTag extends Tag {
  private readonly sku: Value;
  private readonly limit: number;

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    const [skuExpr, limitExpr] = token.args.split(',');
    this.sku = new Value(skuExpr.trim(), liquid);
    this.limit = Number(limitExpr?.split(':')[1]?.trim() ?? 5);
  }

  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const sku = (yield this.sku.value(ctx)) as string;
    const client = new MongoClient(process.env.REVIEWS_MONGO_URL ?? 'mongodb://localhost:27017');
    try {
      yield client.connect();
      const reviews = (yield client
        .db('reviews')
        .collection<ReviewDoc>('product_reviews')
        .find({ sku, approved: true })
        .sort({ createdAt: -1 })
        .limit(this.limit)
        .toArray()) as ReviewDoc[];

      if (reviews.length === 0) {
        emitter.write('<p class="reviews-empty">No reviews yet.</p>');
        return;
      }
      emitter.write('<ul class="reviews">');
      for (const r of reviews) {
        emitter.write(
          `<li><strong>${escapeHtml(r.author)}</strong> ${'★'.repeat(r.rating)}<p>${escapeHtml(r.body)}</p></li>`,
        );
      }
      emitter.write('</ul>');
    } finally {
      yield client.close();
    }
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
