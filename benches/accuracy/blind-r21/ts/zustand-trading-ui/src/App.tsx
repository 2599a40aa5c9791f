import { useEffect, useState } from "react";
import { Sparkline } from "./components/Sparkline";
import { usePriceFlash, useQuote } from "./hooks/useQuote";
import { useMarket } from "./store";

const WATCHLIST = ["AAPL", "MSFT", "NVDA", "ASML", "SAP"];

function Row({ symbol }: { symbol: string }) {
  const q = useQuote(symbol);
  const flash = usePriceFlash(q?.last);
  return (
    <tr>
      <td>{symbol}</td>
      <td>{q?.bid.toFixed(2) ?? "–"}</td>
      <td>{q?.ask.toFixed(2) ?? "–"}</td>
      <td className={flash ? `flash flash--${flash}` : undefined}>{q?.last.toFixed(2) ?? "–"}</td>
      <td>
        <Sparkline symbol={symbol} />
      </td>
    </tr>
  );
}

export default function App() {
  const status = useMarket((s) => s.status);
  const [now, setNow] = useState(() => new Date());

  useEffect(() => {
    const { connect, disconnect } = useMarket.getState();
    connect();
    return disconnect;
  }, []);

  // Pause the feed while the tab is hidden; resume when it comes back.
  useEffect(() => {
    const onVisibility = () => {
      const { connect, disconnect } = useMarket.getState();
      if (document.hidden) disconnect();
      else connect();
    };
    document.addEventListener("visibilitychange", onVisibility);
    return () => document.removeEventListener("visibilitychange", onVisibility);
  }, []);

  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), 1_000);
    return () => clearInterval(id);
  }, []);

  return (
    <main>
      <header>
        <h1>Desk ticker</h1>
        <span className={`status status--${status}`}>{status}</span>
        <time>{now.toLocaleTimeString()}</time>
      </header>
      <table>
        <thead>
          <tr>
            <th>Symbol</th>
            <th>Bid</th>
            <th>Ask</th>
            <th>Last</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {WATCHLIST.map((s) => (
            <Row key={s} symbol={s} />
          ))}
        </tbody>
      </table>
    </main>
  );
}
