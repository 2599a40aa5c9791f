import Pusher from "pusher-js";

// Single Pusher connection for the page; controllers only subscribe/unsubscribe channels.
export const pusher = new Pusher(import.meta.env.VITE_PUSHER_KEY, {
  cluster: import.meta.env.VITE_PUSHER_CLUSTER ?? "eu",
  channelAuthorization: { endpoint: "/pusher/auth", transport: "ajax" },
});
