import { useEffect, useState } from "react";
import { onValue, ref } from "firebase/database";
import { rtdb } from "../lib/firebase";

type Presence = Record<string, { online: boolean; lastSeen: number }>;

export function DriverPresence({ depot }: { depot: string }) {
  const [presence, setPresence] = useState<Presence>({});
  const [browserOnline, setBrowserOnline] = useState(navigator.onLine);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    onValue(ref(rtdb, `presence/${depot}`), (snap) => {
      setPresence((snap.val() as Presence | null) ?? {});
    });
  }, [depot]);

  useEffect(() => {
    const id = window.setInterval(() => setTick((t) => t + 1), 60_000);
    return () => window.clearInterval(id);
  }, []);

  useEffect(() => {
    const on = () => setBrowserOnline(true);
    const off = () => setBrowserOnline(false);
    window.addEventListener("online", on);
    window.addEventListener("offline", off);
    return () => {
      window.removeEventListener("online", on);
      window.removeEventListener("offline", off);
    };
  }, []);

  const drivers = Object.entries(presence);
  return (
    <aside data-tick={tick}>
      <h3>Drivers {browserOnline ? "" : "(offline — data may be stale)"}</h3>
      <ul>
        {drivers.map(([name, p]) => (
          <li key={name}>
            {p.online ? "🟢" : "⚪"} {name}
            {!p.online && ` · seen ${Math.round((Date.now() - p.lastSeen) / 60_000)} min ago`}
          </li>
        ))}
      </ul>
    </aside>
  );
}
