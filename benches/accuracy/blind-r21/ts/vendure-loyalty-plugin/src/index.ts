import "dotenv/config";
import { bootstrap, DefaultJobQueuePlugin, DefaultSearchPlugin, VendureConfig } from "@vendure/core";
import path from "path";
import { LoyaltyPlugin } from "./plugins/loyalty/loyalty.plugin";

export const config: VendureConfig = {
  apiOptions: {
    port: Number(process.env.PORT ?? 3000),
    adminApiPath: "admin-api",
    shopApiPath: "shop-api",
  },
  authOptions: {
    tokenMethod: ["bearer", "cookie"],
    superadminCredentials: {
      identifier: process.env.SUPERADMIN_USERNAME ?? "superadmin",
      password: process.env.SUPERADMIN_PASSWORD ?? "",
    },
    cookieOptions: { secret: process.env.COOKIE_SECRET },
  },
  dbConnectionOptions: {
    type: "postgres",
    url: process.env.DATABASE_URL,
    synchronize: false,
    migrations: [path.join(__dirname, "./migrations/*.+(js|ts)")],
  },
  paymentOptions: { paymentMethodHandlers: [] },
  plugins: [
    DefaultJobQueuePlugin.init({ useDatabaseForBuffer: true }),
    DefaultSearchPlugin.init({ bufferUpdates: false, indexStockStatus: true }),
    LoyaltyPlugin,
  ],
};

bootstrap(config).catch((err) => {
  console.error(err);
  process.exit(1);
});
