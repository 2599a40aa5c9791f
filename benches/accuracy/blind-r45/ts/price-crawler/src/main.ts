import Crawler from 'crawler'
import { handleCategoryPage } from './pages.js'

interface Target {
  shop: string
  urls: string[]
}

const targets: Target[] = JSON.parse(process.env.CRAWL_TARGETS ?? '[]')
const INTERVAL_MS = 30 * 60 * 1000

const crawler = new Crawler({
  maxConnections: 4,
  rateLimit: 1500,
  retries: 2,
  userAgent: 'acme-pricewatch/0.6 (+https://acme.example/bot)',
  callback: (error, res, done) => {
    if (error) {
      console.error('fetch failed', error)
      done()
      return
    }
    const shop = String(res.options.userParams?.shop ?? 'unknown')
    const url = String(res.options.url)
    handleCategoryPage(shop, url, res.$)
      .then((changed) => console.log('%s %s: %d price changes', shop, url, changed))
      .catch((err) => console.error('page handling failed', url, err))
      .finally(done)
  },
})

function enqueueAll(): void {
  for (const t of targets) {
    for (const url of t.urls) crawler.add({ url, userParams: { shop: t.shop } })
  }
}

crawler.on('drain', () => console.log('crawl round finished'))

enqueueAll()
setInterval(enqueueAll, INTERVAL_MS)
