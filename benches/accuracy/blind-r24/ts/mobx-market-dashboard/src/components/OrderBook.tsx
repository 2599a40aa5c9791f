import { useEffect, useState } from "react";

interface Level {
  price: number;
  size: number;
}

interface Book {
  bids: Level[];
  asks: Level[];
}

export function OrderBook({ symbol }: { symbol: string }) {
  const [book, setBook] = useState<Book>({ bids: [], asks: [] });
  const [age, setAge] = useState(0);

  useEffect(() => {
    const source = new EventSource(`/api/book/${encodeURIComponent(symbol)}/stream`);
    source.addEventListener("snapshot", (e) => {
      setBook(JSON.parse((e as MessageEvent).data) as Book);
      setAge(0);
    });
    source.onerror = () => console.warn(`book stream for ${symbol} interrupted`);
    return () => source.close();
  }, [symbol]);

  useEffect(() => {
    const id = setInterval(() => setAge((a) => a + 1), 1000);
    return () => clearInterval(id);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "r") setAge(0);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  return (
    <section className="book">
      <h3>
        {symbol} <small>{age}s ago</small>
      </h3>
      <table>
        <tbody>
          {book.asks.slice(0, 10).reverse().map((l) => (
            <tr key={`a${l.price}`} className="ask">
              <td>{l.price.toFixed(2)}</td>
              <td>{l.size}</td>
            </tr>
          ))}
          {book.bids.slice(0, 10).map((l) => (
            <tr key={`b${l.price}`} className="bid">
              <td>{l.price.toFixed(2)}</td>
              <td>{l.size}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
