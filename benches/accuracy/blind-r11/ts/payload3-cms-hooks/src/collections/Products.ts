import type { CollectionConfig } from 'payload';
import { stampStock } from '../hooks/syncToWarehouse';

export const Products: CollectionConfig = {
  slug: 'products',
  admin: { useAsTitle: 'name' },
  fields: [
    { name: 'name', type: 'text', required: true },
    { name: 'sku', type: 'text', required: true, unique: true },
    { name: 'price', type: 'number', required: true },
  ],
  hooks: {
    afterChange: [stampStock],
  },
};
