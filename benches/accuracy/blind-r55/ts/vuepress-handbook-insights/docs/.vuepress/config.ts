import { defineUserConfig } from "vuepress";
import { viteBundler } from "@vuepress/bundler-vite";
import { defaultTheme } from "@vuepress/theme-default";
import { pageInsightsPlugin } from "./plugins/page-insights/index.js";

export default defineUserConfig({
  lang: "en-US",
  title: "Engineering Handbook",
  description: "How we build, ship and run things",
  base: "/handbook/",

  bundler: viteBundler(),

  theme: defaultTheme({
    logo: "/logo.svg",
    repo: "https://git.internal.example.com/platform/handbook",
    docsDir: "docs",
    editLink: true,
    lastUpdated: true,
    navbar: [
      { text: "Onboarding", link: "/onboarding/" },
      { text: "Runbooks", link: "/runbooks/" },
      { text: "Architecture", link: "/architecture/" },
    ],
  }),

  plugins: [
    pageInsightsPlugin({
      analyticsUrl: process.env.ANALYTICS_MONGO_URL ?? "mongodb://analytics.internal:27017",
      searchNode: process.env.HANDBOOK_ES_URL ?? "http://search.internal:9200",
      reportDatabaseUrl: process.env.DOCS_REPORT_DATABASE_URL,
      staleAfterDays: 180,
    }),
  ],
});
