import { useState } from "react";
import { useLiveOrders } from "./hooks/useLiveOrders";
import { PresenceBadge } from "./components/PresenceBadge";
import { IncidentTicker } from "./components/IncidentTicker";
import { Throughput } from "./components/Throughput";

const STORES = ["berlin", "paris", "madrid"];

export function App() {
  const [storeId, setStoreId] = useState(STORES[0]);
  const orders = useLiveOrders(storeId);

  return (
    <main>
      <header>
        <select value={storeId} onChange={(e) => setStoreId(e.target.value)}>
          {STORES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
        <PresenceBadge room={storeId} me={localStorage.getItem("opsUser") ?? "anon"} />
      </header>
      <IncidentTicker />
      <Throughput storeId={storeId} />
      <table>
        <tbody>
          {orders.map((o) => (
            <tr key={o.id}>
              <td>{o.id}</td>
              <td>{(o.totalCents / 100).toFixed(2)}</td>
              <td>{new Date(o.createdAt).toLocaleTimeString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
