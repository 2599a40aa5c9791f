import { createFileRoute, useRouter } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import type * as Ably from "ably";
import { getDeploySummary } from "../server/functions";
import { onAlert, realtime, type Alert } from "../lib/realtime";

export const Route = createFileRoute("/")({
  loader: () => getDeploySummary({ data: { hours: 24 } }),
  component: Dashboard,
});

function Dashboard() {
  const summary = Route.useLoaderData();
  const router = useRouter();
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const [width, setWidth] = useState(0);
  const panelRef = useRef<HTMLDivElement>(null);

  // live deploy events -> refetch the loader
  useEffect(() => {
    const channel = realtime().channels.get("deploys");
    const listener = (_msg: Ably.InboundMessage) => router.invalidate();
    channel.subscribe("finished", listener);
    return () => {
      channel.unsubscribe("finished", listener);
    };
  }, [router]);

  // onAlert hands back its own unsubscribe, which becomes the effect cleanup
  useEffect(() => onAlert((a) => setAlerts((prev) => [a, ...prev].slice(0, 20))), []);

  // safety net in case a realtime message is missed
  useEffect(() => {
    const id = window.setInterval(() => router.invalidate(), 60_000);
    return () => window.clearInterval(id);
  }, [router]);

  useEffect(() => {
    if (!panelRef.current) return;
    const ro = new ResizeObserver(([entry]) => setWidth(entry.contentRect.width));
    ro.observe(panelRef.current);
    return () => ro.disconnect();
  }, []);

  return (
    <div ref={panelRef}>
      <h1>Deploys, last 24h</h1>
      <table>
        <tbody>
          {summary.map((s) => (
            <tr key={s.service}>
              <td>{s.service}</td>
              <td>{s.total}</td>
              <td>{s.failed}</td>
              <td>{width > 600 ? `${s.p50} ms` : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul>
        {alerts.map((a, i) => (
          <li key={i}>
            <b>{a.service}</b>: {a.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
