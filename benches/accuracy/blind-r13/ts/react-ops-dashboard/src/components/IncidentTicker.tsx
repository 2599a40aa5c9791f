import { useEffect, useState } from "react";

interface Incident {
  id: number;
  title: string;
  severity: "sev1" | "sev2" | "sev3";
}

export function IncidentTicker() {
  const [incidents, setIncidents] = useState<Incident[]>([]);

  useEffect(() => {
    const load = () =>
      fetch("/api/incidents?open=1")
        .then((r) => r.json() as Promise<Incident[]>)
        .then(setIncidents)
        .catch(() => undefined);
    load();
    setInterval(load, 15_000);
  }, []);

  return (
    <ul className="ticker">
      {incidents.map((i) => (
        <li key={i.id} className={i.severity}>
          {i.title}
        </li>
      ))}
    </ul>
  );
}
