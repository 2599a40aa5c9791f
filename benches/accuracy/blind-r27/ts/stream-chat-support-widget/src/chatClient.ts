import { StreamChat } from 'stream-chat';

export interface SupportUser {
  id: string;
  name: string;
  plan: 'free' | 'pro' | 'enterprise';
}

/**
 * StreamChat.getInstance returns the same client for the lifetime of the page,
 * so every component shares one websocket connection.
 */
export const chatClient = StreamChat.getInstance(import.meta.env.VITE_STREAM_API_KEY as string, {
  timeout: 8_000,
});

export async function fetchChatToken(userId: string): Promise<string> {
  const res = await fetch('/api/support/chat-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    credentials: 'include',
    body: JSON.stringify({ userId }),
  });
  if (!res.ok) throw new Error(`token endpoint answered ${res.status}`);
  const { token } = (await res.json()) as { token: string };
  return token;
}

export async function fetchCurrentUser(): Promise<SupportUser> {
  const res = await fetch('/api/me', { credentials: 'include' });
  if (!res.ok) throw new Error('not signed in');
  return (await res.json()) as SupportUser;
}

export function supportChannelId(userId: string): string {
  return `support-${userId}`;
}
