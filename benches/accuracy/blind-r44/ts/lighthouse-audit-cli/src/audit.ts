#!/usr/bin/env node
import { parseArgs } from "node:util";
import pg from "pg";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { collectUrls } from "./sitemap.js";

const { values } = parseArgs({
  options: {
    sitemap: { type: "string" },
    limit: { type: "string", default: "200" },
    form: { type: "string", default: "mobile" },
    run: { type: "string", default: new Date().toISOString().slice(0, 10) },
  },
});

async function auditOne(url: string, formFactor: "mobile" | "desktop") {
  const chrome = await chromeLauncher.launch({ chromeFlags: ["--headless=new", "--no-sandbox"] });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "seo", "best-practices"],
      formFactor,
      screenEmulation: formFactor === "desktop" ? { disabled: true } : undefined,
    });
    if (!result) throw new Error(`no result for ${url}`);
    const c = result.lhr.categories;
    return {
      performance: c.performance?.score ?? null,
      accessibility: c.accessibility?.score ?? null,
      seo: c.seo?.score ?? null,
      bestPractices: c["best-practices"]?.score ?? null,
      lcpMs: result.lhr.audits["largest-contentful-paint"]?.numericValue ?? null,
    };
  } finally {
    await chrome.kill();
  }
}

async function main(): Promise<void> {
  if (!values.sitemap) throw new Error("--sitemap is required");
  const formFactor = values.form === "desktop" ? "desktop" : "mobile";
  const urls = await collectUrls(values.sitemap, Number(values.limit));
  console.log(`auditing ${urls.length} URLs (${formFactor})`);

  const db = new pg.Client({ connectionString: process.env.AUDIT_DATABASE_URL });
  await db.connect();
  let failures = 0;
  try {
    for (const url of urls) {
      try {
        const s = await auditOne(url, formFactor);
        await db.query(
          `INSERT INTO lighthouse_scores (run_date, url, form_factor, performance, accessibility, seo, best_practices, lcp_ms)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (run_date, url, form_factor) DO UPDATE SET performance = EXCLUDED.performance,
             accessibility = EXCLUDED.accessibility, seo = EXCLUDED.seo,
             best_practices = EXCLUDED.best_practices, lcp_ms = EXCLUDED.lcp_ms`,
          [values.run, url, formFactor, s.performance, s.accessibility, s.seo, s.bestPractices, s.lcpMs],
        );
        console.log(`${url}: perf=${s.performance}`);
      } catch (err) {
        failures++;
        console.error(`audit failed for ${url}`, err);
      }
    }
  } finally {
    await db.end();
  }
  if (failures > urls.length / 10) process.exitCode = 2;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
