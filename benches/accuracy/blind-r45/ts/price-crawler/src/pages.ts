import { Client } from '@elastic/elasticsearch'
import type { CheerioAPI } from 'cheerio'
import { openSurreal, type PricePoint } from './store.js'
import { priceChanged } from './seen.js'

function parsePrice(text: string): number {
  const cleaned = text.replace(/[^\d,.]/g, '').replace(/\.(?=\d{3})/g, '').replace(',', '.')
  return Math.round(Number.parseFloat(cleaned) * 100)
}

export async function handleCategoryPage(shop: string, url: string, $: CheerioAPI): Promise<number> {
  const items: PricePoint[] = []
  $('[data-product-sku]').each((_, el) => {
    const node = $(el)
    items.push({
      shop,
      sku: String(node.attr('data-product-sku')),
      title: node.find('.product-title').text().trim(),
      priceCents: parsePrice(node.find('.price').first().text()),
      seenAt: new Date().toISOString(),
    })
  })

  const es = new Client({
    node: process.env.ES_URL ?? 'http://127.0.0.1:9200',
    auth: { apiKey: process.env.ES_API_KEY ?? '' },
  })
  await es.index({
    index: 'crawl-pages',
    document: { shop, url, products: items.length, crawledAt: new Date().toISOString() },
  })

  let changed = 0
  for (const item of items) {
    if (!Number.isFinite(item.priceCents)) continue
    if (!(await priceChanged(shop, item.sku, item.priceCents))) continue
    const db = await openSurreal()
    await db.query('CREATE price_point CONTENT $point', { point: item })
    await es.index({ index: 'competitor-offers', id: `${shop}:${item.sku}`, document: item })
    changed++
  }
  return changed
}
