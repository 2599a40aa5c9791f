import * as Ably from "ably";

// One realtime connection for the whole tab.
export const realtime = new Ably.Realtime({ authUrl: "/api/ably-token", autoConnect: true });
