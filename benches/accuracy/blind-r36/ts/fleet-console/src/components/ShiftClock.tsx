import { useEffect, useState } from "react";

export function ShiftClock({ shiftEndsAt }: { shiftEndsAt: string }) {
  const [now, setNow] = useState(() => Date.now());
  const [compact, setCompact] = useState(() => window.innerWidth < 900);

  useEffect(() => {
    setInterval(() => setNow(Date.now()), 1000);
  }, []);

  useEffect(() => {
    const onResize = () => setCompact(window.innerWidth < 900);
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, []);

  const remaining = Math.max(0, new Date(shiftEndsAt).getTime() - now);
  const minutes = Math.floor(remaining / 60_000);
  return (
    <span className={compact ? "clock compact" : "clock"}>
      {compact ? `${minutes}m` : `${Math.floor(minutes / 60)}h ${minutes % 60}m left in shift`}
    </span>
  );
}
