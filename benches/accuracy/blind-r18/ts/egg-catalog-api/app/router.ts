import type { Application } from 'egg';

export default (app: Application) => {
  const { controller, router } = app;

  router.get('/api/products', controller.product.index);
  router.get('/api/products/search', controller.product.search);
  router.get('/api/products/:sku', controller.product.show);
  router.post('/api/orders', controller.order.create);
  router.get('/api/reports/daily-sales', controller.report.dailySales);
};
