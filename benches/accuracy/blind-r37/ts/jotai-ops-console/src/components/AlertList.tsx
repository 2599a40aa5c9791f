import { useEffect, useState } from "react";
import { useAtomValue } from "jotai";
import { alertsAtom, nowAtom } from "../atoms";

function ago(iso: string, now: number): string {
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  return s < 60 ? `${s}s` : `${Math.round(s / 60)}m`;
}

export function AlertList() {
  const alerts = useAtomValue(alertsAtom);
  const now = useAtomValue(nowAtom);
  const [hidden, setHidden] = useState(document.visibilityState === "hidden");

  useEffect(() => {
    const onVisibility = () => setHidden(document.visibilityState === "hidden");
    document.addEventListener("visibilitychange", onVisibility);
    return () => document.removeEventListener("visibilitychange", onVisibility);
  }, []);

  useEffect(() => {
    if (hidden) return;
    const id = window.setTimeout(() => window.scrollTo({ top: 0, behavior: "smooth" }), 250);
    return () => window.clearTimeout(id);
  }, [alerts.length, hidden]);

  return (
    <ul className="alerts">
      {alerts.map((a) => (
        <li key={a.id} className={`alert alert--${a.severity}`}>
          <b>{a.service}</b> {a.message} <time>{ago(a.firedAt, now)} ago</time>
        </li>
      ))}
    </ul>
  );
}
