import type { NextApiRequest, NextApiResponse } from 'next';
import { prisma } from '../../../lib/prisma';

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const slug = String(req.query.slug);

  if (req.method === 'GET') {
    const product = await prisma.product.findUnique({ where: { slug } });
    if (!product) return res.status(404).json({ error: 'not found' });
    return res.status(200).json(product);
  }

  if (req.method === 'PATCH') {
    const { stockDelta } = req.body as { stockDelta: number };
    const updated = await prisma.$transaction(async (tx) => {
      const p = await tx.product.update({ where: { slug }, data: { stock: { increment: stockDelta } } });
      if (p.stock < 0) throw new Error('stock would go negative');
      return p;
    });
    return res.status(200).json(updated);
  }

  res.setHeader('Allow', 'GET, PATCH');
  return res.status(405).end();
}
