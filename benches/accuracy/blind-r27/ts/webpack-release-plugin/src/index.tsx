import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import checkoutMessages from './checkout.i18n.json';

type Locale = keyof typeof checkoutMessages;

function useMessages(locale: Locale) {
  return useMemo(() => checkoutMessages[locale] ?? checkoutMessages.en, [locale]);
}

function Checkout() {
  const [locale, setLocale] = useState<Locale>('en');
  const t = useMessages(locale);

  return (
    <main>
      <header>
        <h1>{t['checkout.title']}</h1>
        <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
          {Object.keys(checkoutMessages).map((l) => (
            <option key={l} value={l}>
              {l.toUpperCase()}
            </option>
          ))}
        </select>
      </header>
      <section>
        <p>{t['checkout.summary']}</p>
        <button type="button">{t['checkout.pay']}</button>
      </section>
    </main>
  );
}

const container = document.getElementById('root') ?? document.body.appendChild(document.createElement('div'));
createRoot(container).render(
  <StrictMode>
    <Checkout />
  </StrictMode>,
);
