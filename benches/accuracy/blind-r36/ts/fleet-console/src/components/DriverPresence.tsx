import { useEffect, useState } from "react";
import PubNub from "pubnub";
import { DISPATCHER_ID } from "../lib/pubnub";

export function DriverPresence({ depotId }: { depotId: string }) {
  const [online, setOnline] = useState<string[]>([]);
  const presence = new PubNub({
    subscribeKey: import.meta.env.VITE_PUBNUB_SUBSCRIBE_KEY,
    userId: `${DISPATCHER_ID}-presence`,
  });

  useEffect(() => {
    const channel = `drivers.${depotId}`;
    const listener = {
      presence: (event: { action: string; uuid?: string }) => {
        if (!event.uuid) return;
        setOnline((prev) =>
          event.action === "join"
            ? Array.from(new Set([...prev, event.uuid!]))
            : prev.filter((id) => id !== event.uuid),
        );
      },
    };
    presence.addListener(listener);
    presence.subscribe({ channels: [channel], withPresence: true });
    return () => {
      presence.removeListener(listener);
      presence.unsubscribeAll();
    };
  }, [presence, depotId]);

  return <p className="presence">{online.length} drivers online</p>;
}
