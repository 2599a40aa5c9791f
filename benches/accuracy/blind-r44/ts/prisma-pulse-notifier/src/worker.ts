import { closeClients, createClients } from "./clients.js";
import { sendOrderEmail } from "./handlers.js";

async function main(): Promise<void> {
  const clients = createClients();

  const stream = await clients.db.order.stream({
    name: "order-notifier",
    create: {},
    update: { after: { status: "SHIPPED" } },
  });

  const shutdown = async () => {
    await stream.stop();
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);

  console.log("listening for order changes");
  for await (const event of stream) {
    try {
      if (event.action === "create") {
        await sendOrderEmail(clients, event.created.id, "confirmation");
      } else if (event.action === "update") {
        await sendOrderEmail(clients, event.after.id, "shipped");
      }
    } catch (err) {
      console.error(`failed to handle ${event.action} event ${event.id}`, err);
    }
  }

  await closeClients(clients);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
