import { useEffect, useState } from "react";
import type { Channel } from "phoenix";
import { socket } from "../realtime/socket";

export interface OrderStatus {
  orderId: string;
  status: "assigned" | "picked_up" | "delivered" | "cancelled";
  note?: string;
}

export function useOrderChannel(orderId: string | null) {
  const [status, setStatus] = useState<OrderStatus | null>(null);
  const [channel, setChannel] = useState<Channel | null>(null);

  useEffect(() => {
    if (!orderId) return;
    const ch = socket.channel(`order:${orderId}`, {});
    const ref = ch.on("status", (payload: OrderStatus) => setStatus(payload));
    ch.join()
      .receive("ok", () => setChannel(ch))
      .receive("error", (resp) => console.warn("join failed", resp));

    return () => {
      ch.off("status", ref);
      ch.leave();
      setChannel(null);
    };
  }, [orderId]);

  return { status, channel };
}
