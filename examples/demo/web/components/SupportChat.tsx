"use client";

import { useEffect, useState } from "react";
import { StreamChat } from "stream-chat";
import { Chat, Channel, MessageInput, MessageList, Window } from "stream-chat-react";

type Props = { userId: string; userName: string; token: string };

export default function SupportChat({ userId, userName, token }: Props) {
  const client = new StreamChat(process.env.NEXT_PUBLIC_STREAM_KEY!);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    client
      .connectUser({ id: userId, name: userName }, token)
      .then(() => setReady(true))
      .catch(console.error);
  }, [userId, userName, token]);

  if (!ready) return <p>Connecting to support…</p>;
  const channel = client.channel("messaging", `support-${userId}`);
  return (
    <Chat client={client}>
      <Channel channel={channel}>
        <Window>
          <MessageList />
          <MessageInput />
        </Window>
      </Channel>
    </Chat>
  );
}
