import mqtt from "mqtt";

const BROKER_URL = process.env.MQTT_URL ?? "mqtt://192.168.10.2:1883";
const SITE_ID = process.env.SITE_ID ?? "kitchen-1";

/**
 * Push the new state to the kitchen dashboard (Home Assistant listens on this topic).
 */
export async function publishState(channel: string, state: "open" | "closed" | "running" | "idle"): Promise<void> {
  const client = await mqtt.connectAsync(BROKER_URL, {
    clientId: `coldroom-${SITE_ID}-${Date.now()}`,
    username: process.env.MQTT_USER,
    password: process.env.MQTT_PASSWORD,
    connectTimeout: 3_000,
  });
  try {
    await client.publishAsync(`haccp/${SITE_ID}/${channel}`, JSON.stringify({ state, at: new Date().toISOString() }), {
      qos: 1,
      retain: true,
    });
  } finally {
    await client.endAsync();
  }
}

export async function notifyDoorLeftOpen(seconds: number): Promise<void> {
  // ntfy.sh topic on the LAN; plain fetch, no keep-alive pool needed for a rare alert
  await fetch(process.env.NTFY_URL ?? "http://192.168.10.2:8080/coldroom", {
    method: "POST",
    headers: { Title: "Cold room door open", Priority: "high" },
    body: `Cold room door at ${SITE_ID} has been open for ${Math.round(seconds)} s`,
  });
}
