import type { QueryResolvers } from 'types/graphql'

import { db } from 'src/lib/db'

export const products: QueryResolvers['products'] = ({ limit }) => {
  return db.product.findMany({
    orderBy: { createdAt: 'desc' },
    take: Math.min(limit ?? 24, 100),
  })
}

export const product: QueryResolvers['product'] = ({ sku }) => {
  return db.product.findUnique({ where: { sku } })
}
