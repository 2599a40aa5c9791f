import { MongoClient } from 'mongodb';
import { search } from '../../../../search';

export default {
  async afterCreate(event) {
    const { result } = event;

    await search.index('reviews').addDocuments([
      {
        id: result.id,
        productId: result.productId,
        rating: result.rating,
        body: result.body,
        createdAt: result.createdAt,
      },
    ]);

    const analytics = new MongoClient(process.env.ANALYTICS_MONGO_URL ?? 'mongodb://127.0.0.1:27017');
    try {
      await analytics.connect();
      await analytics.db('analytics').collection('review_events').insertOne({
        type: 'review.created',
        reviewId: result.id,
        productId: result.productId,
        rating: result.rating,
        at: new Date(),
      });
    } finally {
      await analytics.close();
    }
  },

  async afterUpdate(event) {
    const { result } = event;
    await search.index('reviews').updateDocuments([
      { id: result.id, rating: result.rating, body: result.body },
    ]);
  },

  async afterDelete(event) {
    await search.index('reviews').deleteDocument(event.result.id);
  },
};
