import React from 'react';
import { createRoot } from 'react-dom/client';
import checkoutFlags from './features/checkout.flags.json';

function App() {
  return (
    <main>
      <h1>Acme Storefront</h1>
      {checkoutFlags.newCheckout ? <p>New checkout enabled</p> : <p>Classic checkout</p>}
      {checkoutFlags.giftCards && <p>Gift cards accepted</p>}
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
