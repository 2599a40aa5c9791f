import type { ElectrobunConfig } from "electrobun";

export default {
  app: {
    name: "Parts Desk",
    identifier: "com.northfab.partsdesk",
    version: "0.3.0",
  },
  build: {
    bun: {
      entrypoint: "src/bun/index.ts",
      external: ["pg-native"],
    },
    views: {
      mainview: {
        entrypoint: "src/mainview/index.ts",
      },
    },
    copy: {
      "src/mainview/index.html": "views/mainview/index.html",
      "src/mainview/style.css": "views/mainview/style.css",
    },
    mac: {
      codesign: false,
      notarize: false,
      bundleCEF: false,
    },
    linux: {
      bundleCEF: false,
    },
    win: {
      bundleCEF: false,
    },
  },
  release: {
    bucketUrl: "https://updates.northfab.lan/parts-desk/",
  },
} satisfies ElectrobunConfig;
