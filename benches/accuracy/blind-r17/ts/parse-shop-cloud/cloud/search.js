const { Client } = require('@elastic/elasticsearch');

Parse.Cloud.afterSave('Product', async (request) => {
  const product = request.object;
  const es = new Client({ node: process.env.ELASTIC_URL, auth: { apiKey: process.env.ELASTIC_API_KEY } });
  await es.index({
    index: 'products',
    id: product.id,
    document: {
      name: product.get('name'),
      description: product.get('description'),
      priceCents: product.get('priceCents'),
      tags: product.get('tags') || [],
    },
  });
});

Parse.Cloud.afterDelete('Product', async (request) => {
  request.log.info(`product ${request.object.id} deleted; reindex job will prune it`);
});
