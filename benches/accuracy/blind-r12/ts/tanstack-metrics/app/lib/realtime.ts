import * as Ably from "ably";

let client: Ably.Realtime | undefined;

/** Browser-only: one realtime connection per tab, created on first use. */
export function realtime(): Ably.Realtime {
  if (!client) {
    client = new Ably.Realtime({ authUrl: "/api/ably-token", autoConnect: true });
  }
  return client;
}

export type Alert = { service: string; message: string };

/** Subscribe to alert messages; returns the function that unsubscribes. */
export function onAlert(cb: (alert: Alert) => void): () => void {
  const channel = realtime().channels.get("alerts");
  const listener = (msg: Ably.InboundMessage) => cb(msg.data as Alert);
  channel.subscribe("alert", listener);
  return () => channel.unsubscribe("alert", listener);
}
