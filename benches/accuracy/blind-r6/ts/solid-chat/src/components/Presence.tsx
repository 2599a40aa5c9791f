import { createSignal, For, onCleanup, onMount } from 'solid-js';
import { io } from 'socket.io-client';

export default function Presence(props: { me: string }) {
  const [online, setOnline] = createSignal<string[]>([]);
  const [away, setAway] = createSignal(false);

  onMount(() => {
    const socket = io(import.meta.env.VITE_PRESENCE_URL, { transports: ['websocket'], auth: { user: props.me } });
    socket.on('presence', (users: string[]) => setOnline(users));

    const heartbeat = setInterval(() => socket.emit('heartbeat', { away: away() }), 15_000);

    const onVisibility = () => setAway(document.visibilityState === 'hidden');
    document.addEventListener('visibilitychange', onVisibility);

    onCleanup(() => {
      document.removeEventListener('visibilitychange', onVisibility);
      clearInterval(heartbeat);
      socket.off('presence');
      socket.disconnect();
    });
  });

  return (
    <aside>
      <h3>Online{away() ? ' (you are away)' : ''}</h3>
      <ul>
        <For each={online()}>{(u) => <li>{u}</li>}</For>
      </ul>
    </aside>
  );
}
