import Pusher from "pusher-js";

// One Pusher connection for the whole page; components subscribe to channels on it.
export const pusher = new Pusher(import.meta.env.VITE_PUSHER_KEY, {
  cluster: import.meta.env.VITE_PUSHER_CLUSTER ?? "eu",
  forceTLS: true,
});
