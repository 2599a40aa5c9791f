export default {
  routes: [
    {
      method: 'GET',
      path: '/reviews/summary/:productId',
      handler: 'review.summary',
      config: { auth: false },
    },
  ],
};
