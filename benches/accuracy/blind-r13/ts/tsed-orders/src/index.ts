import {$log} from "@tsed/logger";
import {PlatformExpress} from "@tsed/platform-express";
import {Server} from "./Server";
import {pool} from "./db/pool";

async function bootstrap() {
  const platform = await PlatformExpress.bootstrap(Server);
  await platform.listen();

  process.once("SIGTERM", async () => {
    await platform.stop();
    await pool.end();
  });
}

bootstrap().catch((err) => {
  $log.error(err);
  process.exit(1);
});
