import { Controller } from "@hotwired/stimulus";

interface Quote {
  symbol: string;
  bid: number;
  ask: number;
}

export default class QuotesController extends Controller<HTMLElement> {
  static values = { symbols: Array };
  static targets = ["rows"];
  declare readonly symbolsValue: string[];
  declare readonly rowsTarget: HTMLTableSectionElement;

  private worker?: Worker;
  private readonly onQuote = (e: MessageEvent<Quote>) => {
    const q = e.data;
    let row = this.rowsTarget.querySelector<HTMLTableRowElement>(`tr[data-symbol="${q.symbol}"]`);
    if (!row) {
      row = this.rowsTarget.insertRow();
      row.dataset.symbol = q.symbol;
    }
    row.innerHTML = `<td>${q.symbol}</td><td>${q.bid.toFixed(2)}</td><td>${q.ask.toFixed(2)}</td>`;
  };

  connect(): void {
    this.worker = new Worker(new URL("../workers/quotes.worker.ts", import.meta.url), { type: "module" });
    this.worker.addEventListener("message", this.onQuote);
    this.worker.postMessage({ subscribe: this.symbolsValue });
  }

  symbolsValueChanged(): void {
    this.worker?.postMessage({ subscribe: this.symbolsValue });
  }

  disconnect(): void {
    this.worker?.removeEventListener("message", this.onQuote);
    this.worker?.terminate();
    this.worker = undefined;
  }
}
