import { betterAuth } from "better-auth";
import { createAuthMiddleware } from "better-auth/api";
import Redis from "ioredis";
import { Pool } from "pg";
import { Pool as HttpPool } from "undici";
import { recordSignup } from "./audit.js";

export const auth = betterAuth({
  baseURL: process.env.BETTER_AUTH_URL,
  secret: process.env.BETTER_AUTH_SECRET,
  database: new Pool({
    connectionString: process.env.DATABASE_URL,
    max: 10,
  }),
  emailAndPassword: {
    enabled: true,
    requireEmailVerification: false,
    sendResetPassword: async ({ user, url }) => {
      const mailer = new HttpPool(process.env.MAILER_ORIGIN!, { connections: 4 });
      await mailer.request({
        method: "POST",
        path: "/v1/messages",
        headers: { "content-type": "application/json", authorization: `Bearer ${process.env.MAILER_TOKEN}` },
        body: JSON.stringify({ to: user.email, template: "reset-password", vars: { url } }),
      });
    },
  },
  databaseHooks: {
    user: {
      create: {
        after: async (user) => {
          await recordSignup(user);
        },
      },
    },
    session: {
      create: {
        before: async (session) => {
          const redis = new Redis(process.env.REDIS_URL!);
          const blocked = await redis.sismember("auth:blocked-ips", session.ipAddress ?? "");
          redis.disconnect();
          if (blocked) {
            return false;
          }
          return { data: session };
        },
      },
    },
  },
  hooks: {
    after: createAuthMiddleware(async (ctx) => {
      if (ctx.path.startsWith("/sign-in") && ctx.context.newSession) {
        console.info("sign-in", ctx.context.newSession.user.id);
      }
    }),
  },
});
