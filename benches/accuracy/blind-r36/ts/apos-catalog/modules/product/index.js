const { Client } = require('@elastic/elasticsearch');
const { openWarehouse, toStockRow } = require('../../lib/warehouse');

module.exports = {
  extend: '@apostrophecms/piece-type',
  options: {
    label: 'Product',
    pluralLabel: 'Products',
    alias: 'product'
  },
  fields: {
    add: {
      sku: { type: 'string', label: 'SKU', required: true },
      price: { type: 'float', label: 'Price' },
      summary: { type: 'string', label: 'Summary', textarea: true },
      categories: {
        type: 'checkboxes',
        label: 'Categories',
        choices: [
          { label: 'Tools', value: 'tools' },
          { label: 'Fasteners', value: 'fasteners' },
          { label: 'Safety', value: 'safety' }
        ]
      }
    },
    group: {
      basics: { label: 'Basics', fields: [ 'title', 'sku', 'price', 'summary', 'categories' ] }
    }
  },
  handlers(self) {
    return {
      afterSave: {
        async indexInSearch(req, piece) {
          if (!piece.sku) {
            return;
          }
          const es = new Client({
            node: process.env.ELASTIC_URL,
            auth: { apiKey: process.env.ELASTIC_API_KEY }
          });
          await es.index({
            index: 'catalog-products',
            id: piece._id,
            document: {
              title: piece.title,
              sku: piece.sku,
              price: piece.price,
              summary: piece.summary,
              categories: piece.categories || []
            }
          });
        }
      }
    };
  },
  apiRoutes(self) {
    return {
      get: {
        async stock(req) {
          const sku = self.apos.launder.string(req.query.sku);
          if (!sku) {
            throw self.apos.error('invalid', 'sku is required');
          }
          const warehouse = openWarehouse();
          const { rows } = await warehouse.query(
            'SELECT sku, on_hand, reserved, warehouse_code FROM stock_levels WHERE sku = $1',
            [ sku ]
          );
          return { sku, levels: rows.map(toStockRow) };
        }
      }
    };
  }
};
