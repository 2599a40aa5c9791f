import { createAppRegisterHandler } from "@saleor/app-sdk/handlers/next";
import { saleorApp } from "../../lib/server";

export default createAppRegisterHandler({
  apl: saleorApp.apl,
  allowedSaleorUrls: [(url) => url.startsWith("https://") || process.env.NODE_ENV === "development"],
});
