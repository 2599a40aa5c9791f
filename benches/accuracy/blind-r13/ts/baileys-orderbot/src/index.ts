import { Boom } from "@hapi/boom";
import makeWASocket, { DisconnectReason, useMultiFileAuthState } from "@whiskeysockets/baileys";
import Redis from "ioredis";
import pino from "pino";
import { createPool } from "./db";
import { Deps, handleMessages } from "./handlers";

const logger = pino({ level: process.env.LOG_LEVEL ?? "info" });

async function connectToWhatsApp(deps: Deps): Promise<void> {
  const { state, saveCreds } = await useMultiFileAuthState("./auth_info");
  const sock = makeWASocket({ auth: state, printQRInTerminal: true, logger });

  sock.ev.on("creds.update", saveCreds);

  sock.ev.on("connection.update", ({ connection, lastDisconnect }) => {
    if (connection === "close") {
      const code = (lastDisconnect?.error as Boom | undefined)?.output?.statusCode;
      const shouldReconnect = code !== DisconnectReason.loggedOut;
      logger.warn({ code, shouldReconnect }, "connection closed");
      // the old socket is gone; Baileys' documented recovery is to build a new one
      if (shouldReconnect) {
        void connectToWhatsApp(deps);
      }
    } else if (connection === "open") {
      logger.info("whatsapp connection open");
    }
  });

  sock.ev.on("messages.upsert", ({ messages, type }) => {
    if (type !== "notify") return;
    handleMessages(sock, messages, deps).catch((err) => logger.error(err, "handler failed"));
  });
}

async function main() {
  const deps: Deps = {
    pool: createPool(),
    redis: new Redis(process.env.REDIS_URL ?? "redis://localhost:6379", { maxRetriesPerRequest: 3 }),
  };

  process.once("SIGTERM", async () => {
    await deps.pool.end();
    deps.redis.disconnect();
    process.exit(0);
  });

  await connectToWhatsApp(deps);
}

void main();
