import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { fetchCurrentUser } from './chatClient';
import { SupportChannel } from './components/SupportChannel';
import { useChatConnection } from './hooks/useChatConnection';

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 60_000, retry: 1 } },
});

function useBrowserOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}

function Widget() {
  const { data: user, isLoading, error } = useQuery({ queryKey: ['me'], queryFn: fetchCurrentUser });
  const connection = useChatConnection(user);
  const browserOnline = useBrowserOnline();

  if (isLoading) return <p>Loading…</p>;
  if (error || !user) return <p>Please sign in to chat with support.</p>;

  return (
    <aside className="support-widget">
      <header>
        Support <span className={`dot ${browserOnline && connection === 'online' ? 'green' : 'grey'}`} />
      </header>
      {connection === 'online' ? <SupportChannel user={user} /> : <p>Connecting…</p>}
    </aside>
  );
}

createRoot(document.getElementById('support-root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <Widget />
    </QueryClientProvider>
  </StrictMode>,
);
