import { useContext, useEffect, useState } from "react";
import { observer } from "mobx-react-lite";
import { StoreContext } from "./stores/MarketStore";
import { PriceTicker } from "./components/PriceTicker";
import { OrderBook } from "./components/OrderBook";

export const App = observer(function App() {
  const store = useContext(StoreContext);
  const [selected, setSelected] = useState<string | null>(null);
  const [online, setOnline] = useState(navigator.onLine);

  useEffect(() => {
    store.connect();
    return () => store.disconnect();
  }, [store]);

  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener("online", up);
    window.addEventListener("offline", down);
    return () => {
      window.removeEventListener("online", up);
      window.removeEventListener("offline", down);
    };
  }, []);

  return (
    <main>
      <header>
        <span className={`status ${store.status}`}>{store.status}</span>
        {!online && <span className="offline">offline</span>}
      </header>
      <PriceTicker onSelect={setSelected} />
      {selected && <OrderBook symbol={selected} />}
    </main>
  );
});
