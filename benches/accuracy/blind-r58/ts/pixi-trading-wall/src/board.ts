import { Container, Graphics, Text } from 'pixi.js';
import type { Quote } from './feed';

const ROW_HEIGHT = 64;
const UP = 0x1fbf75;
const DOWN = 0xe5484d;
const FLAT = 0x8b949e;

class Row extends Container {
  private readonly bg = new Graphics();
  private readonly label: Text;
  private readonly price: Text;
  private readonly change: Text;
  private flash = 0;
  private lastTs = 0;

  constructor(symbol: string, private readonly width_: number) {
    super();
    this.label = new Text({ text: symbol, style: { fill: 0xffffff, fontSize: 32, fontWeight: '700' } });
    this.price = new Text({ text: '—', style: { fill: 0xffffff, fontSize: 32 } });
    this.change = new Text({ text: '', style: { fill: FLAT, fontSize: 28 } });
    this.label.position.set(24, 14);
    this.price.position.set(width_ * 0.45, 14);
    this.change.position.set(width_ * 0.75, 16);
    this.addChild(this.bg, this.label, this.price, this.change);
  }

  update(quote: Quote | undefined, deltaMS: number): void {
    if (quote && quote.ts !== this.lastTs) {
      this.lastTs = quote.ts;
      this.flash = 1;
      this.price.text = quote.last.toFixed(2);
      this.change.text = `${quote.changePct >= 0 ? '+' : ''}${quote.changePct.toFixed(2)}%`;
      this.change.style.fill = quote.changePct > 0 ? UP : quote.changePct < 0 ? DOWN : FLAT;
    }
    this.flash = Math.max(0, this.flash - deltaMS / 600);
    this.bg.clear().rect(0, 0, this.width_, ROW_HEIGHT - 4).fill({ color: 0x1c2230, alpha: 0.6 + this.flash * 0.4 });
  }
}

export class Board extends Container {
  private readonly rows = new Map<string, Row>();

  constructor(symbols: string[], width: number) {
    super();
    symbols.forEach((symbol, i) => {
      const row = new Row(symbol, width);
      row.y = i * ROW_HEIGHT;
      this.rows.set(symbol, row);
      this.addChild(row);
    });
  }

  /** Called from the ticker every frame. Pure rendering, no I/O. */
  update(quotes: ReadonlyMap<string, Quote>, deltaMS: number): void {
    for (const [symbol, row] of this.rows) {
      row.update(quotes.get(symbol), deltaMS);
    }
  }
}
