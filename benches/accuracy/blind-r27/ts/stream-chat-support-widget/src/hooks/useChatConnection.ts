import { useEffect, useState } from 'react';
import { chatClient, fetchChatToken, type SupportUser } from '../chatClient';

export type ConnectionState = 'connecting' | 'online' | 'offline';

/**
 * Connects the shared client as `user` for as long as the component is
 * mounted. Handles StrictMode double-invocation by disconnecting only after
 * the in-flight connect has settled.
 */
export function useChatConnection(user: SupportUser | undefined): ConnectionState {
  const [state, setState] = useState<ConnectionState>('connecting');

  useEffect(() => {
    if (!user) return;
    let interrupted = false;

    const connecting = chatClient
      .connectUser({ id: user.id, name: user.name, plan: user.plan }, () => fetchChatToken(user.id))
      .then(() => {
        if (!interrupted) setState('online');
      })
      .catch(() => {
        if (!interrupted) setState('offline');
      });

    return () => {
      interrupted = true;
      setState('connecting');
      void connecting.then(() => chatClient.disconnectUser());
    };
  }, [user?.id]);

  useEffect(() => {
    const sub = chatClient.on('connection.changed', (event) => {
      setState(event.online ? 'online' : 'offline');
    });
    return () => sub.unsubscribe();
  }, []);

  return state;
}
