import type { ReactNode } from 'react';
import { SaleCountdown } from '../components/SaleCountdown';

export default async function RootLayout({ children }: { children: ReactNode }) {
  return (
    <div className="shell">
      <header>
        <a href="/">Fernwood Supply</a>
        <SaleCountdown endsAt="2025-01-01T00:00:00Z" />
      </header>
      <main>{children}</main>
    </div>
  );
}

export const getConfig = async () => {
  return { render: 'static' } as const;
};
