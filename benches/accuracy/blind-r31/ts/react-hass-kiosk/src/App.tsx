import { useState } from "react";
import { Clock } from "./components/Clock";
import { DoorbellToast } from "./components/DoorbellToast";
import { EntityGrid } from "./components/EntityGrid";

const TABS = ["light", "climate", "sensor", "lock"];

export function App() {
  const [tab, setTab] = useState("light");
  return (
    <main>
      <header>
        <Clock />
        <nav>
          {TABS.map((t) => (
            <button key={t} className={t === tab ? "active" : ""} onClick={() => setTab(t)}>
              {t}
            </button>
          ))}
        </nav>
      </header>
      <EntityGrid domain={tab} />
      <DoorbellToast />
    </main>
  );
}
