import { useEffect, useState } from "react";
import { getHass } from "../lib/hass";

export function DoorbellToast() {
  const [ringing, setRinging] = useState(false);

  useEffect(() => {
    let unsub: (() => Promise<void>) | undefined;
    let cancelled = false;
    getHass()
      .then((conn) =>
        conn.subscribeEvents<{ event_type: string }>(() => {
          setRinging(true);
          window.setTimeout(() => setRinging(false), 8000);
        }, "doorbell_pressed"),
      )
      .then((u) => {
        if (cancelled) void u();
        else unsub = u;
      });
    return () => {
      cancelled = true;
      if (unsub) void unsub();
    };
  }, []);

  return ringing ? <div className="toast">Someone is at the door</div> : null;
}
