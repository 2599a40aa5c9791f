import type OBSWebSocket from "obs-websocket-js";
import { counters, makeRedis, SCENE_CHANNEL, STREAM_CHANNEL } from "./bus.js";

const channelSlug = process.env.CHANNEL_SLUG ?? "default";

export async function onSceneChanged(sceneName: string): Promise<void> {
  const payload = JSON.stringify({ channel: channelSlug, scene: sceneName, at: Date.now() });
  const redis = makeRedis();
  await redis.set(`overlay:${channelSlug}:scene`, sceneName);
  await redis.publish(SCENE_CHANNEL, payload);
  await redis.hincrby(`overlay:${channelSlug}:scene-hits`, sceneName, 1);
}

export async function onStreamState(outputActive: boolean, outputState: string): Promise<void> {
  if (outputState === "OBS_WEBSOCKET_OUTPUT_STARTED") {
    await counters.incr(`overlay:${channelSlug}:streams`);
    await counters.set(`overlay:${channelSlug}:live-since`, String(Date.now()));
  }
  if (outputState === "OBS_WEBSOCKET_OUTPUT_STOPPED") {
    await counters.del(`overlay:${channelSlug}:live-since`);
  }
  await counters.publish(STREAM_CHANNEL, JSON.stringify({ channel: channelSlug, live: outputActive }));
}

export function registerHandlers(obs: OBSWebSocket): void {
  obs.on("CurrentProgramSceneChanged", ({ sceneName }) => {
    onSceneChanged(sceneName).catch((err) => console.error("scene handler failed", err));
  });
  obs.on("StreamStateChanged", ({ outputActive, outputState }) => {
    onStreamState(outputActive, outputState).catch((err) => console.error("stream handler failed", err));
  });
  obs.on("ConnectionClosed", (err) => {
    console.warn(`OBS connection closed: ${err.message}`);
  });
}
