import { useEffect, useRef } from "preact/hooks";
import type * as Ably from "ably";
import { realtime } from "../lib/realtime";

export function useChannel(name: string, event: string, onMessage: (msg: Ably.InboundMessage) => void) {
  const handler = useRef(onMessage);
  handler.current = onMessage;

  useEffect(() => {
    const channel = realtime.channels.get(name);
    const listener = (msg: Ably.InboundMessage) => handler.current(msg);
    channel.subscribe(event, listener);
    return () => {
      channel.unsubscribe(event, listener);
    };
  }, [name, event]);
}
