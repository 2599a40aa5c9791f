'use client';

import { useEffect, useState } from 'react';

export function LiveStock({ productId, initial }: { productId: number; initial: number }) {
  const [stock, setStock] = useState(initial);

  useEffect(() => {
    const source = new EventSource(`${import.meta.env.WAKU_PUBLIC_STOCK_STREAM_URL}?product=${productId}`);
    source.addEventListener('stock', (event) => {
      const data = JSON.parse((event as MessageEvent).data) as { stock: number };
      setStock(data.stock);
    });
  }, [productId]);

  return <p className={stock > 0 ? 'in-stock' : 'sold-out'}>{stock > 0 ? `${stock} left` : 'Sold out'}</p>;
}
