import { create, Whatsapp } from "venom-bot";
import { handleMessage } from "./handlers";

function start(client: Whatsapp) {
  client.onMessage(async (message) => {
    try {
      await handleMessage(client, message);
    } catch (err) {
      console.error("failed to handle message from", message.from, err);
      await client.sendText(message.from, "Sorry, something went wrong. Please call us at the shop.");
    }
  });

  client.onStateChange((state) => {
    console.log("whatsapp state:", state);
    if (state === "CONFLICT" || state === "UNLAUNCHED") client.useHere();
  });
}

function shutdown(client: Whatsapp | undefined) {
  console.log("shutting down WhatsApp session");
  client?.close().finally(() => process.exit(0));
  if (!client) process.exit(0);
}

let current: Whatsapp | undefined;
process.on("SIGTERM", () => shutdown(current));
process.on("SIGINT", () => shutdown(current));

create({
  session: "bakery-orders",
  headless: "new",
  disableWelcome: true,
})
  .then((client) => {
    current = client;
    start(client);
  })
  .catch((err) => {
    console.error("could not start WhatsApp session", err);
    process.exit(1);
  });
