import OBSWebSocket, { EventSubscription } from "obs-websocket-js";
import { Pool } from "undici";
import { registerHandlers } from "./events.js";

const OBS_URL = process.env.OBS_URL ?? "ws://127.0.0.1:4455";
const OBS_PASSWORD = process.env.OBS_PASSWORD;
const VIEWER_API = process.env.VIEWER_API ?? "https://api.streamstats.example";
const CHANNEL = process.env.CHANNEL_SLUG ?? "default";
const COUNTER_SOURCE = process.env.COUNTER_SOURCE ?? "Viewer Count";
const POLL_MS = 20_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function pollViewers(obs: OBSWebSocket, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    try {
      const api = new Pool(VIEWER_API, { connections: 2, keepAliveTimeout: 30_000 });
      const { statusCode, body } = await api.request({
        path: `/v1/channels/${encodeURIComponent(CHANNEL)}/viewers`,
        method: "GET",
        headers: { accept: "application/json", authorization: `Bearer ${process.env.VIEWER_API_TOKEN ?? ""}` },
      });
      if (statusCode === 200) {
        const { current } = (await body.json()) as { current: number };
        await obs.call("SetInputSettings", {
          inputName: COUNTER_SOURCE,
          inputSettings: { text: `${current.toLocaleString("en-US")} watching` },
        });
      } else {
        await body.dump();
      }
    } catch (err) {
      console.error("viewer poll failed", err);
    }
    await sleep(POLL_MS);
  }
}

async function main(): Promise<void> {
  const obs = new OBSWebSocket();
  registerHandlers(obs);
  const { obsWebSocketVersion } = await obs.connect(OBS_URL, OBS_PASSWORD, {
    eventSubscriptions: EventSubscription.General | EventSubscription.Scenes | EventSubscription.Outputs,
  });
  console.log(`connected to obs-websocket ${obsWebSocketVersion}`);

  const controller = new AbortController();
  process.on("SIGINT", async () => {
    controller.abort();
    await obs.disconnect();
    process.exit(0);
  });

  await pollViewers(obs, controller.signal);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
