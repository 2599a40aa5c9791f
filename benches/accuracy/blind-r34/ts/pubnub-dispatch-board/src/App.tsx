import PubNub from 'pubnub';
import { PubNubProvider } from 'pubnub-react';
import { useAtomValue } from 'jotai';
import { currentUserAtom } from './state';
import DispatchBoard from './components/DispatchBoard';
import ConnectionBadge from './components/ConnectionBadge';
import ShiftClock from './components/ShiftClock';

export default function App() {
  const user = useAtomValue(currentUserAtom);

  const pubnub = new PubNub({
    publishKey: import.meta.env.VITE_PUBNUB_PUBLISH_KEY,
    subscribeKey: import.meta.env.VITE_PUBNUB_SUBSCRIBE_KEY,
    userId: user.id,
  });

  return (
    <PubNubProvider client={pubnub}>
      <header>
        <h1>Dispatch</h1>
        <ConnectionBadge />
        <ShiftClock />
      </header>
      <DispatchBoard region="north" />
    </PubNubProvider>
  );
}
