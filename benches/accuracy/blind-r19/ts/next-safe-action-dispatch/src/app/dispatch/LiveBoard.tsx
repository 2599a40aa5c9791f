"use client";

import { useCallback, useEffect, useState } from "react";
import { HubConnectionBuilder, LogLevel } from "@microsoft/signalr";
import { useAction } from "next-safe-action/hooks";
import { assignDriver, markDelivered } from "./actions";

interface Row {
  id: string;
  address: string;
  status: string;
  driverId: string | null;
}

export function LiveBoard({ initial, drivers }: { initial: Row[]; drivers: { id: string; name: string }[] }) {
  const [rows, setRows] = useState<Row[]>(initial);
  const [now, setNow] = useState(() => Date.now());
  const assign = useAction(assignDriver);
  const deliver = useAction(markDelivered);

  const refresh = useCallback(async () => {
    const res = await fetch("/api/deliveries", { cache: "no-store" });
    if (res.ok) setRows(await res.json());
  }, []);

  useEffect(() => {
    const hub = new HubConnectionBuilder()
      .withUrl(process.env.NEXT_PUBLIC_TRACKING_HUB ?? "/hubs/tracking")
      .withAutomaticReconnect()
      .configureLogging(LogLevel.Warning)
      .build();
    hub.on("deliveryUpdated", (row: Row) => {
      setRows((prev) => prev.map((r) => (r.id === row.id ? row : r)));
    });
    hub.start().catch((err) => console.error("tracking hub failed", err));
  }, []);

  useEffect(() => window.addEventListener("online", refresh), [refresh]);

  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);

  return (
    <table>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>{r.address}</td>
            <td>{r.status}</td>
            <td>
              <select
                value={r.driverId ?? ""}
                onChange={(e) => assign.execute({ deliveryId: r.id, driverId: e.target.value })}
              >
                <option value="">unassigned</option>
                {drivers.map((d) => (
                  <option key={d.id} value={d.id}>{d.name}</option>
                ))}
              </select>
            </td>
            <td>
              <button onClick={() => deliver.execute({ deliveryId: r.id })}>Delivered</button>
            </td>
          </tr>
        ))}
      </tbody>
      <caption>updated {new Date(now).toLocaleTimeString()}</caption>
    </table>
  );
}
