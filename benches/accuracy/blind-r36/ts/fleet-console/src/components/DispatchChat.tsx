import { useEffect, useState } from "react";
import { GroupChannelHandler } from "@sendbird/chat/groupChannel";
import { sendbird } from "../lib/sendbird";
import { DISPATCHER_ID } from "../lib/pubnub";

interface ChatLine {
  id: number;
  sender: string;
  text: string;
}

export function DispatchChat({ channelUrl }: { channelUrl: string }) {
  const [lines, setLines] = useState<ChatLine[]>([]);

  useEffect(() => {
    sendbird.connect(DISPATCHER_ID).catch((err) => console.error("sendbird connect failed", err));
    sendbird.groupChannel.addGroupChannelHandler(
      `dispatch-${channelUrl}`,
      new GroupChannelHandler({
        onMessageReceived: (channel, message) => {
          if (channel.url !== channelUrl || !message.isUserMessage()) return;
          setLines((prev) => [
            ...prev,
            { id: message.messageId, sender: message.sender.nickname, text: message.message },
          ]);
        },
      }),
    );
  }, [channelUrl]);

  return (
    <ul className="dispatch-chat">
      {lines.map((l) => (
        <li key={l.id}>
          <b>{l.sender}</b> {l.text}
        </li>
      ))}
    </ul>
  );
}
