import SchemaBuilder from '@pothos/core';

export interface Product {
  sku: string;
  name: string;
  brand: string;
  priceCents: number;
  categories: string[];
}

export interface SearchHit {
  sku: string;
  name: string;
  score: number;
}

export interface GraphContext {
  tenant: string;
  locale: string;
  requestId: string;
}

export const builder = new SchemaBuilder<{
  Context: GraphContext;
  Objects: {
    Product: Product;
    SearchHit: SearchHit;
  };
}>({});

builder.objectType('Product', {
  fields: (t) => ({
    sku: t.exposeID('sku'),
    name: t.exposeString('name'),
    brand: t.exposeString('brand'),
    price: t.float({ resolve: (p) => p.priceCents / 100 }),
    categories: t.exposeStringList('categories'),
  }),
});

builder.objectType('SearchHit', {
  fields: (t) => ({
    sku: t.exposeID('sku'),
    name: t.exposeString('name'),
    score: t.exposeFloat('score'),
  }),
});

builder.queryType({});
