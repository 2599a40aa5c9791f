import React, { useEffect, type ReactNode } from 'react';
import StatusBanner from '../components/StatusBanner';

export default function Root({ children }: { children: ReactNode }): JSX.Element {
  useEffect(() => {
    const media = window.matchMedia('(prefers-reduced-motion: reduce)');
    const apply = () => document.documentElement.classList.toggle('reduced-motion', media.matches);
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, []);

  return (
    <>
      <StatusBanner />
      {children}
    </>
  );
}
