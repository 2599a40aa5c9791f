import { createSignal, For } from 'solid-js';
import ChatRoom from './components/ChatRoom';
import Presence from './components/Presence';

const ROOMS = ['general', 'random', 'support'];

export default function App() {
  const [room, setRoom] = createSignal(ROOMS[0]);
  const me = localStorage.getItem('chat:name') ?? `guest-${Math.floor(Math.random() * 1000)}`;

  return (
    <main>
      <nav>
        <For each={ROOMS}>
          {(r) => (
            <button classList={{ active: room() === r }} onClick={() => setRoom(r)}>
              #{r}
            </button>
          )}
        </For>
      </nav>
      <ChatRoom roomId={room()} me={me} />
      <Presence me={me} />
    </main>
  );
}
