import { useState } from "react";
import { FleetMap } from "./components/FleetMap";
import { DriverPresence } from "./components/DriverPresence";
import { DispatchChat } from "./components/DispatchChat";
import { ShiftClock } from "./components/ShiftClock";

const DEPOTS = ["north", "harbour", "airport"];

export default function App() {
  const [depotId, setDepotId] = useState(DEPOTS[0]);
  return (
    <main>
      <header>
        <select value={depotId} onChange={(e) => setDepotId(e.target.value)}>
          {DEPOTS.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
        <ShiftClock shiftEndsAt={new Date(Date.now() + 4 * 3600_000).toISOString()} />
        <DriverPresence depotId={depotId} />
      </header>
      <FleetMap depotId={depotId} />
      <DispatchChat channelUrl={`sendbird_group_channel_${depotId}`} />
    </main>
  );
}
