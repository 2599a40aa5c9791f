import { useEffect, useState } from "react";
import type { PresenceMessage } from "ably";
import { realtime } from "../lib/ably";

export function PresenceBadge({ room, me }: { room: string; me: string }) {
  const [members, setMembers] = useState<string[]>([]);

  useEffect(() => {
    const channel = realtime.channels.get(`ops:${room}`);
    const refresh = async (_msg?: PresenceMessage) => {
      const present = await channel.presence.get();
      setMembers(present.map((m) => m.clientId));
    };
    channel.presence.subscribe(refresh);
    void channel.presence.enter({ name: me });
  }, [room, me]);

  return (
    <span className="badge" title={members.join(", ")}>
      {members.length} online
    </span>
  );
}
