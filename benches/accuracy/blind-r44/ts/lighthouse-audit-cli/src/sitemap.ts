import { XMLParser } from "fast-xml-parser";

interface UrlSet {
  urlset?: { url?: { loc: string }[] | { loc: string } };
  sitemapindex?: { sitemap?: { loc: string }[] | { loc: string } };
}

const parser = new XMLParser();

function asArray<T>(v: T | T[] | undefined): T[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

export async function collectUrls(sitemapUrl: string, limit: number): Promise<string[]> {
  const res = await fetch(sitemapUrl, { headers: { accept: "application/xml" } });
  if (!res.ok) throw new Error(`sitemap ${sitemapUrl}: HTTP ${res.status}`);
  const doc = parser.parse(await res.text()) as UrlSet;

  if (doc.sitemapindex) {
    const urls: string[] = [];
    for (const child of asArray(doc.sitemapindex.sitemap)) {
      if (urls.length >= limit) break;
      urls.push(...(await collectUrls(child.loc, limit - urls.length)));
    }
    return urls;
  }
  return asArray(doc.urlset?.url).map((u) => u.loc).slice(0, limit);
}
