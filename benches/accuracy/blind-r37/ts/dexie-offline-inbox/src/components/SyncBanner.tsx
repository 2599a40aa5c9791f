import { useEffect, useState } from "react";

export function SyncBanner({ onReconnect }: { onReconnect: () => void }) {
  const [online, setOnline] = useState(navigator.onLine);
  const [lastSync, setLastSync] = useState<Date | null>(null);

  useEffect(() => {
    const goOnline = () => {
      setOnline(true);
      onReconnect();
    };
    const goOffline = () => setOnline(false);
    window.addEventListener("online", goOnline);
    window.addEventListener("offline", goOffline);
  }, [onReconnect]);

  useEffect(() => {
    const id = window.setInterval(() => setLastSync(new Date()), 60_000);
    return () => window.clearInterval(id);
  }, []);

  if (online) {
    return <div className="banner banner--ok">Synced {lastSync ? lastSync.toLocaleTimeString() : "just now"}</div>;
  }
  return <div className="banner banner--offline">You are offline. Changes will sync when you reconnect.</div>;
}
