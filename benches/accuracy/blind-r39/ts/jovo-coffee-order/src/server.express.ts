import { Express, Webhook } from "@jovotech/server-express";

import { app } from "./app";

(async () => {
  await app.initialize();

  const port = Number(process.env.JOVO_PORT ?? 3000);
  Webhook.listen(port, () => {
    console.info(`coffee skill listening on ${port}`);
  });

  Webhook.post(["/webhook", "/webhook_alexa"], async (req, res) => {
    await app.handle(new Express(req, res));
  });
})();
