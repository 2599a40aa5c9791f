import {
  AutojoinRoomsMixin,
  LogLevel,
  LogService,
  MatrixClient,
  SimpleFsStorageProvider,
} from "matrix-bot-sdk";
import { Pool } from "undici";
import { connectMongo } from "./mongo";
import { TriageHandler } from "./handler";

async function main() {
  LogService.setLevel(LogLevel.INFO);

  const mongo = await connectMongo(process.env.MONGO_URL ?? "mongodb://localhost:27017");
  const tracker = new Pool(process.env.TRACKER_URL ?? "https://tracker.internal", {
    connections: 8,
    keepAliveTimeout: 30_000,
  });

  const storage = new SimpleFsStorageProvider("./data/bot.json");
  const matrix = new MatrixClient(
    process.env.HOMESERVER_URL ?? "https://matrix.example.org",
    process.env.MATRIX_ACCESS_TOKEN!,
    storage,
  );
  AutojoinRoomsMixin.setupOnClient(matrix);

  const handler = new TriageHandler(matrix, mongo, tracker);
  matrix.on("room.message", (roomId: string, event: unknown) => {
    handler.onMessage(roomId, event).catch((err) => LogService.error("triage", err));
  });

  const shutdown = async () => {
    matrix.stop();
    await tracker.close();
    await mongo.close();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);

  await matrix.start();
  LogService.info("triage", "bot started");
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
