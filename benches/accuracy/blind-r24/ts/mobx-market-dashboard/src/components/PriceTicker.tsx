import { useContext, useEffect, useRef } from "react";
import { observer } from "mobx-react-lite";
import { reaction, when } from "mobx";
import { StoreContext } from "../stores/MarketStore";

export const PriceTicker = observer(function PriceTicker({
  onSelect,
}: {
  onSelect: (symbol: string) => void;
}) {
  const store = useContext(StoreContext);
  const flash = useRef<HTMLDivElement>(null);

  // Flash the strip whenever a new spread alert shows up.
  useEffect(() => {
    const dispose = reaction(
      () => store.spreadAlerts.length,
      (count, prev) => {
        if (count > prev && flash.current) {
          flash.current.animate([{ opacity: 0.3 }, { opacity: 1 }], { duration: 400 });
        }
      },
    );
    return dispose;
  }, [store]);

  // Tell the user once the feed first comes up.
  useEffect(() => {
    const w = when(
      () => store.status === "open",
      () => console.info("quote feed connected"),
    );
    return () => w();
  }, [store]);

  return (
    <div ref={flash} className="ticker">
      {store.watchlist.map((symbol) => {
        const q = store.quotes.get(symbol);
        return (
          <button key={symbol} onClick={() => onSelect(symbol)}>
            <b>{symbol}</b> {q ? q.last.toFixed(2) : "—"}
          </button>
        );
      })}
    </div>
  );
});
