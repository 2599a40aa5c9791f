import useSWRSubscription from "swr/subscription";

export interface Presence {
  online: string[];
}

export function usePresence(teamId: string) {
  return useSWRSubscription<Presence>(`/api/teams/${teamId}/presence`, (key: string, { next }) => {
    const source = new EventSource(key, { withCredentials: true });
    source.onmessage = (event) => next(null, JSON.parse(event.data) as Presence);
    source.onerror = () => next(new Error("presence stream interrupted"));
    return () => source.close();
  });
}
