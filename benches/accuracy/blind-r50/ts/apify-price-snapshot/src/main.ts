import { Actor, log } from "apify";
import * as cheerio from "cheerio";
import { openStore } from "./store.js";

interface Input {
  urls: string[];
  databaseUrl: string;
  archiveBucket: string;
  priceSelector?: string;
}

await Actor.init();

const input = await Actor.getInput<Input>();
if (!input?.urls?.length) {
  await Actor.fail("input.urls is empty");
}

const store = await openStore(input!.databaseUrl, input!.archiveBucket);
const runId = Actor.getEnv().actorRunId ?? new Date().toISOString();

try {
  for (const url of input!.urls) {
    const res = await fetch(url, { headers: { "user-agent": "price-snapshot/0.3" } });
    if (!res.ok) {
      log.warning(`skipping ${url}: HTTP ${res.status}`);
      continue;
    }
    const html = await res.text();
    const $ = cheerio.load(html);
    const title = $("title").first().text().trim();
    const raw = $(input!.priceSelector ?? "[itemprop=price]").first().attr("content");
    const price = raw ? Number.parseFloat(raw) : null;

    await store.savePrice(url, title, Number.isFinite(price) ? price : null);
    await store.archiveHtml(`${runId}/${encodeURIComponent(url)}.html`, html);
    await Actor.pushData({ url, title, price });
  }
} finally {
  await store.close();
}

await Actor.exit();
