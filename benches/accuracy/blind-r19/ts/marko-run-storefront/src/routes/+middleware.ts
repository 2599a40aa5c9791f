import { createClient } from "redis";

declare global {
  namespace MarkoRun {
    interface Context {
      cartId?: string;
      customerId?: string;
    }
  }
}

const SESSION_COOKIE = "sf_sid";

function readCookie(header: string | null, name: string): string | undefined {
  return header
    ?.split(";")
    .map((p) => p.trim().split("="))
    .find(([k]) => k === name)?.[1];
}

export default (async (context, next) => {
  const sid = readCookie(context.request.headers.get("cookie"), SESSION_COOKIE);
  if (sid) {
    const sessions = createClient({ url: process.env.REDIS_URL });
    await sessions.connect();
    try {
      const session = await sessions.hGetAll(`session:${sid}`);
      context.cartId = session.cartId;
      context.customerId = session.customerId;
    } finally {
      await sessions.quit();
    }
  }
  return next();
}) satisfies MarkoRun.Handler;
