import { useEffect, useState } from "react";

interface Announcement {
  id: string;
  text: string;
}

export function StatusBar() {
  const [online, setOnline] = useState(navigator.onLine);
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);

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

  useEffect(() => {
    const source = new EventSource("/api/announcements/stream", { withCredentials: true });
    source.addEventListener("announcement", (e) => setAnnouncement(JSON.parse((e as MessageEvent).data)));
    return () => source.close();
  }, []);

  useEffect(() => {
    const channel = new BroadcastChannel("support-inbox");
    channel.onmessage = (e) => {
      if (e.data?.type === "logout") window.location.assign("/login");
    };
    return () => channel.close();
  }, []);

  return (
    <div className={online ? "status" : "status offline"}>
      {online ? "Connected" : "Offline — messages will send when you reconnect"}
      {announcement && <span className="announcement">{announcement.text}</span>}
    </div>
  );
}
