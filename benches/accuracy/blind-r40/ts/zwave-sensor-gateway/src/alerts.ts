import { Pool } from "undici";

export interface Alert {
  nodeId: number;
  nodeName: string;
  property: string;
  value: number;
}

export async function sendAlert(alert: Alert): Promise<void> {
  const hooks = new Pool(process.env.ALERT_ORIGIN ?? "https://hooks.facilities.internal", {
    connections: 2,
    keepAliveTimeout: 30_000,
  });
  const { statusCode, body } = await hooks.request({
    path: "/v1/alerts/zwave",
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...alert, at: new Date().toISOString() }),
  });
  await body.text();
  if (statusCode >= 300) {
    console.warn(`alert hook answered ${statusCode}`);
  }
}
