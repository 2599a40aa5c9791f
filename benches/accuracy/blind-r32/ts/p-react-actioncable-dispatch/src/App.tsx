import { useState } from "react";
import { DispatchBoard } from "./components/DispatchBoard";
import { DriverPresence } from "./components/DriverPresence";

const DEPOTS = ["north", "harbour", "airport"];

export function App() {
  const [depot, setDepot] = useState(DEPOTS[0]);
  return (
    <main>
      <nav>
        {DEPOTS.map((d) => (
          <button key={d} aria-pressed={d === depot} onClick={() => setDepot(d)}>
            {d}
          </button>
        ))}
      </nav>
      <DispatchBoard depot={depot} />
      <DriverPresence depot={depot} />
    </main>
  );
}
