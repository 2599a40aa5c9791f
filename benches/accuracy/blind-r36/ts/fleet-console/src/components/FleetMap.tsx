import { useEffect, useState } from "react";
import { pubnub, type Position } from "../lib/pubnub";

export function FleetMap({ depotId }: { depotId: string }) {
  const [positions, setPositions] = useState<Record<string, Position>>({});

  useEffect(() => {
    const listener = {
      message: (event: { channel: string; message: unknown }) => {
        const p = event.message as Position;
        setPositions((prev) => ({ ...prev, [p.vehicleId]: p }));
      },
    };
    pubnub.addListener(listener);
    pubnub.subscribe({ channels: [`fleet.${depotId}.positions`] });
  }, [depotId]);

  return (
    <table className="fleet-map">
      <tbody>
        {Object.values(positions).map((p) => (
          <tr key={p.vehicleId}>
            <td>{p.vehicleId}</td>
            <td>{p.lat.toFixed(5)}, {p.lng.toFixed(5)}</td>
            <td>{p.speedKph} km/h</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
