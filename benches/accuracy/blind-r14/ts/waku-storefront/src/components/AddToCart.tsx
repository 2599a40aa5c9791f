'use client';

import { useState, useTransition } from 'react';
import { addToCart } from '../actions/cart';

function cartId(): string {
  let id = localStorage.getItem('cart-id');
  if (!id) {
    id = crypto.randomUUID();
    localStorage.setItem('cart-id', id);
  }
  return id;
}

export function AddToCart({ productId }: { productId: number }) {
  const [count, setCount] = useState<number | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <button
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          setCount(await addToCart(cartId(), productId, 1));
        })
      }
    >
      {pending ? 'Adding…' : count === null ? 'Add to cart' : `In cart (${count})`}
    </button>
  );
}
