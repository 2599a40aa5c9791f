import { useEffect } from 'react';
import { subscribe, useSnapshot } from 'valtio';
import { ui } from '../state';

export function AlertBanner() {
  const snap = useSnapshot(ui);

  // Flash the tab title when a critical alert arrives.
  useEffect(
    () =>
      subscribe(ui.alerts, () => {
        if (ui.alerts[0]?.severity === 'critical') document.title = '(!) Ops dashboard';
      }),
    [],
  );

  useEffect(() => {
    if (snap.alerts.length === 0) return;
    const timer = setTimeout(() => {
      ui.alerts.pop();
    }, 30_000);
    return () => clearTimeout(timer);
  }, [snap.alerts.length]);

  if (snap.alerts.length === 0) return null;
  const top = snap.alerts[0];
  return <div className={`banner ${top.severity}`}>{top.message}</div>;
}
