import { useEffect, useRef, useState } from "react";
import { useMarket, type Quote } from "../store";

// Keeps the symbol subscribed on the feed for as long as a component uses it.
export function useQuote(symbol: string): Quote | undefined {
  const retain = useMarket((s) => s.retain);

  useEffect(() => {
    const release = retain(symbol);
    return release;
  }, [symbol, retain]);

  return useMarket((s) => s.quotes[symbol]);
}

// "up" / "down" for 600 ms after the last price changes, for the cell flash.
export function usePriceFlash(last: number | undefined): "up" | "down" | null {
  const [flash, setFlash] = useState<"up" | "down" | null>(null);
  const prev = useRef<number | undefined>(undefined);

  useEffect(() => {
    if (last === undefined) return;
    const before = prev.current;
    prev.current = last;
    if (before === undefined || before === last) return;

    setFlash(last > before ? "up" : "down");
    const timer = setTimeout(() => setFlash(null), 600);
    return () => clearTimeout(timer);
  }, [last]);

  return flash;
}
