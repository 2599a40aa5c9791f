'use client';

import { useEffect, useState } from 'react';

export function SaleCountdown({ endsAt }: { endsAt: string }) {
  const [remaining, setRemaining] = useState(() => Date.parse(endsAt) - Date.now());

  useEffect(() => {
    const id = setInterval(() => setRemaining(Date.parse(endsAt) - Date.now()), 1000);
    return () => clearInterval(id);
  }, [endsAt]);

  if (remaining <= 0) return null;
  const hours = Math.floor(remaining / 3_600_000);
  const minutes = Math.floor((remaining % 3_600_000) / 60_000);
  return <span className="countdown">Sale ends in {hours}h {minutes}m</span>;
}
