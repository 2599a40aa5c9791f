"use client";

import { useEffect, useState } from "react";
import Pusher from "pusher-js";

const pusher = new Pusher(process.env.NEXT_PUBLIC_PUSHER_KEY!, {
  cluster: process.env.NEXT_PUBLIC_PUSHER_CLUSTER!,
});

type StatusEvent = { invoiceId: string; status: string };

export function LiveStatus({ invoiceId, initial }: { invoiceId: string; initial: string }) {
  const [status, setStatus] = useState(initial);

  useEffect(() => {
    const channel = pusher.subscribe(`invoice-${invoiceId}`);
    channel.bind("status-changed", (e: StatusEvent) => setStatus(e.status));
  }, [invoiceId]);

  return <span className={`badge badge-${status}`}>{status}</span>;
}

export function OnlineIndicator() {
  const [online, setOnline] = useState(true);

  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener("online", up);
    window.addEventListener("offline", down);
    return () => {
      window.removeEventListener("online", up);
      window.removeEventListener("offline", down);
    };
  }, []);

  return online ? null : <p className="offline">You are offline — changes will sync later.</p>;
}
