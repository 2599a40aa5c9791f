import * as Ably from "ably";

// One connection for the whole tab; components only attach/detach channels.
export const realtime = new Ably.Realtime({
  authUrl: "/api/ably-token",
  echoMessages: false,
});
