import { PrismaClient } from '@prisma/client';

const products = [
  { slug: 'trail-shoe', name: 'Trail Shoe', priceCents: 11900, stock: 40 },
  { slug: 'rain-shell', name: 'Rain Shell', priceCents: 18900, stock: 25 },
  { slug: 'wool-socks', name: 'Wool Socks', priceCents: 1900, stock: 300 },
];

async function main() {
  const prisma = new PrismaClient();
  try {
    for (const p of products) {
      await prisma.product.upsert({ where: { slug: p.slug }, update: p, create: p });
    }
    console.log(`seeded ${products.length} products`);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
