import * as React from "react";

interface Props {
  sku: string;
  refreshSeconds?: number;
}

interface Badge {
  label: string;
  tone: "ok" | "low" | "out";
  pickup: boolean;
}

export default function StockBadge({ sku, refreshSeconds = 30 }: Props) {
  const [badge, setBadge] = React.useState<Badge | null>(null);

  React.useEffect(() => {
    let cancelled = false;
    const load = async () => {
      const res = await fetch(`/api/stock/${encodeURIComponent(sku)}`);
      if (!res.ok || cancelled) return;
      setBadge(await res.json());
    };

    load();
    setInterval(load, refreshSeconds * 1000);
  }, [sku, refreshSeconds]);

  if (!badge) {
    return <span className="badge badge--loading">Checking stock…</span>;
  }
  return (
    <span className={`badge badge--${badge.tone}`}>
      {badge.label}
      {badge.pickup && <small> · Pick up today</small>}
    </span>
  );
}
