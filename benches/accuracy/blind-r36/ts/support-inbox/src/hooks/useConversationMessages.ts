import { useEffect, useState } from "react";
import type { Conversation, Message } from "@twilio/conversations";
import { getConversationsClient } from "../lib/conversations";

export interface InboxMessage {
  sid: string;
  author: string | null;
  body: string | null;
  at: Date | null;
}

const toInbox = (m: Message): InboxMessage => ({ sid: m.sid, author: m.author, body: m.body, at: m.dateCreated });

export function useConversationMessages(conversationSid: string) {
  const [messages, setMessages] = useState<InboxMessage[]>([]);

  useEffect(() => {
    let cancelled = false;
    let conversation: Conversation | null = null;
    const onMessageAdded = (m: Message) => setMessages((prev) => [...prev, toInbox(m)]);

    getConversationsClient()
      .then((client) => client.getConversationBySid(conversationSid))
      .then(async (c) => {
        if (cancelled) return;
        conversation = c;
        const page = await c.getMessages(30);
        if (cancelled) return;
        setMessages(page.items.map(toInbox));
        c.on("messageAdded", onMessageAdded);
      })
      .catch((err) => console.error("failed to open conversation", err));

    return () => {
      cancelled = true;
      conversation?.removeListener("messageAdded", onMessageAdded);
    };
  }, [conversationSid]);

  return messages;
}
