import puppeteer, { type Browser, type HTTPResponse, type Page } from "puppeteer";
import { MongoClient } from "mongodb";
import { recordPrice, saveSnapshot, type PriceSample } from "./store.js";
import { notifyPriceDrop } from "./alerts.js";

const CYCLE_MS = 15 * 60 * 1000;
const PRICING_PATH = /\/api\/(v\d+\/)?pricing/;

interface WatchTarget {
  sku: string;
  competitor: string;
  url: string;
  floor: number;
}

async function loadWatchlist(mongo: MongoClient): Promise<WatchTarget[]> {
  return mongo
    .db("pricing")
    .collection<WatchTarget>("watchlist")
    .find({}, { projection: { _id: 0 } })
    .toArray();
}

function attachListeners(page: Page, target: WatchTarget): void {
  page.on("response", async (res: HTTPResponse) => {
    if (!PRICING_PATH.test(res.url())) return;
    if (res.request().method() !== "GET" || !res.ok()) return;

    let body: { price?: number; currency?: string; stock?: number };
    try {
      body = await res.json();
    } catch {
      return;
    }
    if (typeof body.price !== "number") return;

    const sample: PriceSample = {
      sku: target.sku,
      competitor: target.competitor,
      price: body.price,
      currency: body.currency ?? "EUR",
      inStock: (body.stock ?? 1) > 0,
      seenAt: new Date(),
    };
    await recordPrice(sample);
    if (sample.price < target.floor) {
      await notifyPriceDrop(sample, target.floor);
    }
  });

  page.on("requestfailed", (req) => {
    console.warn(`[${target.sku}] request failed ${req.url()}: ${req.failure()?.errorText}`);
  });
}

async function visit(browser: Browser, target: WatchTarget): Promise<void> {
  const page = await browser.newPage();
  try {
    await page.setUserAgent("Mozilla/5.0 (X11; Linux x86_64) PriceWatch/0.4");
    attachListeners(page, target);
    await page.goto(target.url, { waitUntil: "networkidle2", timeout: 60_000 });
    const png = await page.screenshot({ fullPage: true });
    await saveSnapshot(target, Buffer.from(png));
  } catch (err) {
    console.error(`[${target.sku}] visit failed`, err);
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  const mongo = new MongoClient(process.env.MONGO_URL ?? "mongodb://localhost:27017");
  await mongo.connect();
  const browser = await puppeteer.launch({ headless: true, args: ["--no-sandbox"] });

  process.on("SIGTERM", async () => {
    await browser.close();
    await mongo.close();
    process.exit(0);
  });

  for (;;) {
    const targets = await loadWatchlist(mongo);
    for (const target of targets) {
      await visit(browser, target);
    }
    await new Promise((r) => setTimeout(r, CYCLE_MS));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
