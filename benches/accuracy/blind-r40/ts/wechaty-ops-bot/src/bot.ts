import { WechatyBuilder, log } from "wechaty";
import qrcodeTerminal from "qrcode-terminal";
import { routeMessage } from "./router.js";

const bot = WechatyBuilder.build({
  name: "warehouse-ops-bot",
  puppet: "wechaty-puppet-wechat4u",
});

bot
  .on("scan", (qrcode, status) => {
    log.info("bot", "scan status %s", status);
    qrcodeTerminal.generate(qrcode, { small: true });
  })
  .on("login", (user) => log.info("bot", "logged in as %s", user.name()))
  .on("logout", (user) => log.warn("bot", "%s logged out", user.name()))
  .on("message", routeMessage)
  .on("error", (err) => log.error("bot", "wechaty error: %s", err.message));

bot.start().catch((err) => {
  log.error("bot", "start failed: %s", err);
  process.exit(1);
});
