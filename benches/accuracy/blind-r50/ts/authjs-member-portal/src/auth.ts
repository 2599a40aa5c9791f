import type { ExpressAuthConfig } from "@auth/express";
import GitHub from "@auth/express/providers/github";
import PostgresAdapter from "@auth/pg-adapter";
import { SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import Redis from "ioredis";
import pg from "pg";

const authPool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
  idleTimeoutMillis: 30_000,
});

export const authConfig: ExpressAuthConfig = {
  adapter: PostgresAdapter(authPool),
  session: { strategy: "database", maxAge: 7 * 24 * 3600 },
  providers: [
    GitHub({ clientId: process.env.AUTH_GITHUB_ID, clientSecret: process.env.AUTH_GITHUB_SECRET }),
  ],
  callbacks: {
    async session({ session, user }) {
      const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
      const plan = (await redis.get(`member:plan:${user.id}`)) ?? "free";
      return { ...session, user: { ...session.user, id: user.id, plan } };
    },
  },
  events: {
    async signIn({ user, isNewUser }) {
      if (!isNewUser || !user.email) return;
      const ses = new SESv2Client({ region: process.env.AWS_REGION ?? "eu-central-1" });
      await ses.send(
        new SendEmailCommand({
          FromEmailAddress: "welcome@members.example.org",
          Destination: { ToAddresses: [user.email] },
          Content: {
            Simple: {
              Subject: { Data: "Welcome to the member portal" },
              Body: { Text: { Data: `Hi ${user.name ?? "there"}, your account is ready.` } },
            },
          },
        }),
      );
    },
  },
};
