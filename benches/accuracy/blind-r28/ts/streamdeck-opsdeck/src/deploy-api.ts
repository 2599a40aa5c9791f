import streamDeck from "@elgato/streamdeck";
import { Pool } from "undici";

import type { GlobalSettings } from "./plugin";

export const DEPLOY_ORIGIN = "https://deploy.acme.internal";

export const deployApi = new Pool(DEPLOY_ORIGIN, {
  connections: 4,
  keepAliveTimeout: 30_000,
  headersTimeout: 20_000,
});

export async function authHeader(): Promise<Record<string, string>> {
  const { deployToken } = await streamDeck.settings.getGlobalSettings<GlobalSettings>();
  if (!deployToken) {
    throw new Error("deploy token missing in plugin settings");
  }
  return { authorization: `Bearer ${deployToken}`, "content-type": "application/json" };
}

export async function triggerDeploy(service: string, environment: string): Promise<string> {
  const { statusCode, body } = await deployApi.request({
    path: `/v1/services/${encodeURIComponent(service)}/deployments`,
    method: "POST",
    headers: await authHeader(),
    body: JSON.stringify({ environment, ref: "main", requestedBy: "streamdeck" }),
  });
  const payload = (await body.json()) as { id: string; message?: string };
  if (statusCode >= 300) {
    throw new Error(payload.message ?? `deploy failed with ${statusCode}`);
  }
  return payload.id;
}
