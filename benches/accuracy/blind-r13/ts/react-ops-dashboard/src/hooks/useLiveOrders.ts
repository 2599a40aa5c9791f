import { useEffect, useState } from "react";
import { io } from "socket.io-client";

export interface LiveOrder {
  id: string;
  storeId: string;
  totalCents: number;
  createdAt: string;
}

export function useLiveOrders(storeId: string) {
  const [orders, setOrders] = useState<LiveOrder[]>([]);

  useEffect(() => {
    setOrders([]);
    const socket = io(import.meta.env.VITE_ORDERS_WS_URL, { query: { storeId }, transports: ["websocket"] });
    socket.on("order:created", (order: LiveOrder) => {
      setOrders((prev) => [order, ...prev].slice(0, 50));
    });
  }, [storeId]);

  return orders;
}
