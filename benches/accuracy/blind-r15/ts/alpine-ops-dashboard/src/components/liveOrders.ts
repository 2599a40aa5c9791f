import type { Channel } from "pusher-js";
import { pusher } from "../realtime";

type Order = { id: string; status: string };

export function liveOrders() {
  let channel: Channel | null = null;
  let timer: number | undefined;
  let onStateChange: ((s: { current: string }) => void) | undefined;
  let onFocus: (() => void) | undefined;

  return {
    orders: [] as Order[],
    connected: pusher.connection.state === "connected",

    async init() {
      await this.refresh();

      channel = pusher.subscribe("private-orders");
      channel.bind("order.updated", (o: Order) => {
        const i = this.orders.findIndex((x) => x.id === o.id);
        if (i >= 0) this.orders.splice(i, 1, o);
        else this.orders.unshift(o);
      });

      onStateChange = ({ current }) => {
        this.connected = current === "connected";
      };
      pusher.connection.bind("state_change", onStateChange);

      timer = window.setInterval(() => void this.refresh(), 60_000);
      onFocus = () => void this.refresh();
      window.addEventListener("focus", onFocus);
    },

    async refresh() {
      const res = await fetch("/api/orders?limit=25");
      if (res.ok) this.orders = await res.json();
    },

    destroy() {
      channel?.unbind_all();
      pusher.unsubscribe("private-orders");
      if (onStateChange) pusher.connection.unbind("state_change", onStateChange);
      window.clearInterval(timer);
      if (onFocus) window.removeEventListener("focus", onFocus);
    },
  };
}
