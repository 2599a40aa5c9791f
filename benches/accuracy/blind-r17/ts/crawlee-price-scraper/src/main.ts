import { CheerioCrawler, log } from 'crawlee';
import { router } from './routes.js';
import { closeSeen } from './seen.js';

const crawler = new CheerioCrawler({
  requestHandler: router,
  maxConcurrency: 20,
  maxRequestsPerCrawl: 50_000,
  additionalMimeTypes: ['image/jpeg'],
  failedRequestHandler: async ({ request }) => {
    log.error(`gave up on ${request.url}`);
  },
});

await crawler.run(['https://shop.example.com/c/all?page=1']);
await closeSeen();
