import { createBot, createProvider, createFlow, addKeyword, EVENTS } from "@builderbot/bot";
import { PostgreSQLAdapter as Database } from "@builderbot/database-postgres";
import { BaileysProvider as Provider } from "@builderbot/provider-baileys";
import { createServices } from "./services.js";
import { makeBookingFlow } from "./flows/booking.flow.js";
import { makeCancelFlow } from "./flows/cancel.flow.js";

const PORT = Number(process.env.PORT ?? 3008);

const main = async () => {
  // Built once for the whole bot process and passed into every flow.
  const services = createServices();

  const welcomeFlow = addKeyword<Provider, Database>(EVENTS.WELCOME).addAnswer(
    "Hi! 🧗 I'm the gym assistant. Send *book* to book a class or *cancel* to cancel one."
  );

  const adapterFlow = createFlow([welcomeFlow, makeBookingFlow(services), makeCancelFlow(services)]);
  const adapterProvider = createProvider(Provider);
  // BuilderBot's own conversation history store, also created once.
  const adapterDB = new Database({
    host: process.env.POSTGRES_DB_HOST ?? "localhost",
    user: process.env.POSTGRES_DB_USER ?? "gym",
    database: process.env.POSTGRES_DB_NAME ?? "gym_bot",
    password: process.env.POSTGRES_DB_PASSWORD ?? "",
    port: Number(process.env.POSTGRES_DB_PORT ?? 5432),
  });

  const { handleCtx, httpServer } = await createBot({
    flow: adapterFlow,
    provider: adapterProvider,
    database: adapterDB,
  });

  // Staff dashboard posts announcements ("route setting, wall B closed") here.
  adapterProvider.server.post(
    "/v1/announce",
    handleCtx(async (bot, req, res) => {
      const { number, message } = req.body;
      await bot.sendMessage(number, message, {});
      return res.end("sent");
    })
  );

  httpServer(PORT);

  const stop = async () => {
    await services.close();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
};

main();
