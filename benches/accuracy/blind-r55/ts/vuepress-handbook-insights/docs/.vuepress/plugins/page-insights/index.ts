import type { Plugin } from "vuepress/core";
import { MongoClient } from "mongodb";
import { indexPage } from "./search.js";
import { writeBuildReport, PageSummary } from "./report.js";

export interface PageInsightsOptions {
  analyticsUrl: string;
  searchNode: string;
  reportDatabaseUrl?: string;
  staleAfterDays: number;
}

interface PageViewsDoc {
  path: string;
  views30d: number;
  lastViewedAt: Date;
}

export const pageInsightsPlugin = (options: PageInsightsOptions): Plugin => {
  const summaries: PageSummary[] = [];

  return {
    name: "vuepress-plugin-page-insights",

    // Called for every page when the app is created and again for each
    // page that changes while `vuepress dev` is running.
    extendsPage: async (page, app) => {
      if (!page.filePathRelative) return;

      const analytics = new MongoClient(options.analyticsUrl, { serverSelectionTimeoutMS: 3_000 });
      const stats = await analytics
        .db("web_analytics")
        .collection<PageViewsDoc>("page_views")
        .findOne({ path: `${app.options.base}${page.path.replace(/^\//, "")}` });

      const updated = page.data.git?.updatedTime ?? Date.now();
      const ageDays = Math.floor((Date.now() - updated) / 86_400_000);

      page.frontmatter.views30d = stats?.views30d ?? 0;
      page.frontmatter.stale = ageDays > options.staleAfterDays;

      if (app.env.isBuild) {
        await indexPage(page, options.searchNode);
      }

      summaries.push({
        path: page.path,
        title: page.title,
        views30d: stats?.views30d ?? 0,
        ageDays,
      });
    },

    onGenerated: async (app) => {
      if (!options.reportDatabaseUrl) return;
      await writeBuildReport(options.reportDatabaseUrl, app.version, summaries);
    },
  };
};
