import * as React from "react";

interface CartLine {
  sku: string;
  name: string;
  qty: number;
  priceCents: number;
}

interface Props {
  open: boolean;
  lines: CartLine[];
  onClose: () => void;
}

const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

export default function CartDrawer({ open, lines, onClose }: Props) {
  const panelRef = React.useRef<HTMLDivElement>(null);

  React.useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
    };
    window.addEventListener("keydown", onKey);
    const prevOverflow = document.body.style.overflow;
    document.body.style.overflow = "hidden";
    panelRef.current?.focus();
    return () => {
      window.removeEventListener("keydown", onKey);
      document.body.style.overflow = prevOverflow;
    };
  }, [open, onClose]);

  const total = lines.reduce((sum, l) => sum + l.qty * l.priceCents, 0);

  return (
    <aside
      ref={panelRef}
      tabIndex={-1}
      aria-hidden={!open}
      className={open ? "drawer drawer--open" : "drawer"}
    >
      <header>
        <h2>Your cart</h2>
        <button onClick={onClose} aria-label="Close cart">×</button>
      </header>
      <ul>
        {lines.map((l) => (
          <li key={l.sku}>
            {l.qty} × {l.name} <span>{money.format((l.qty * l.priceCents) / 100)}</span>
          </li>
        ))}
      </ul>
      <footer>
        Total <strong>{money.format(total / 100)}</strong>
      </footer>
    </aside>
  );
}
