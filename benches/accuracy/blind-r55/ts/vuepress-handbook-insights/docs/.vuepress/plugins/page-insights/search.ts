import { Client } from "@elastic/elasticsearch";
import type { Page } from "vuepress/core";

const INDEX = "handbook-pages";

function plainText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&[a-z]+;/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Push one page into the company-wide search so handbook pages show up
 * next to Confluence and Jira results.
 */
export async function indexPage(page: Page, node: string): Promise<void> {
  const es = new Client({
    node,
    auth: { apiKey: process.env.HANDBOOK_ES_API_KEY ?? "" },
    requestTimeout: 10_000,
  });

  await es.index({
    index: INDEX,
    id: page.path,
    document: {
      path: page.path,
      title: page.title,
      headers: page.headers.map((h) => h.title),
      tags: (page.frontmatter.tags as string[] | undefined) ?? [],
      body: plainText(page.contentRendered).slice(0, 30_000),
      updated_at: page.data.git?.updatedTime ? new Date(page.data.git.updatedTime) : null,
    },
  });
}
