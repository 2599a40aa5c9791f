import { atom, createStore } from "jotai";

export interface Alert {
  id: string;
  service: string;
  severity: "info" | "warning" | "critical";
  message: string;
  firedAt: string;
}

export const opsStore = createStore();

export const nowAtom = atom(Date.now());
nowAtom.onMount = (setNow) => {
  const id = setInterval(() => setNow(Date.now()), 1000);
  return () => clearInterval(id);
};

export const alertsAtom = atom<Alert[]>([]);
alertsAtom.onMount = (setAlerts) => {
  const source = new EventSource("/api/alerts/stream");
  source.addEventListener("alert", (event) => {
    const alert = JSON.parse((event as MessageEvent).data) as Alert;
    setAlerts((prev) => [alert, ...prev].slice(0, 200));
  });
  return () => source.close();
};

export const criticalCountAtom = atom((get) => get(alertsAtom).filter((a) => a.severity === "critical").length);
