import { useEffect, useState } from "react";

// Re-computes "arrives in N min" labels every 30 s.
export function useEta(arrivalIso: string | null): string {
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    setInterval(() => setNow(Date.now()), 30_000);
  }, [arrivalIso]);

  if (!arrivalIso) return "—";
  const minutes = Math.round((Date.parse(arrivalIso) - now) / 60_000);
  return minutes <= 0 ? "due" : `${minutes} min`;
}
