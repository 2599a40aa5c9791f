import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

import { ChargerStatus } from './components/ChargerStatus';
import { DriverMap } from './components/DriverMap';
import { OrderFeed } from './components/OrderFeed';

const depot = new URLSearchParams(location.search).get('depot') ?? 'muc1';

function Board() {
  const [focus, setFocus] = useState<string | undefined>();
  return (
    <main>
      <OrderFeed depot={depot} />
      <ChargerStatus depot={depot} />
      <input placeholder="focus driver" onChange={(e) => setFocus(e.target.value || undefined)} />
      <DriverMap depot={depot} focusDriver={focus} />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Board />
  </StrictMode>,
);
