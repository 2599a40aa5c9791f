import { useEffect } from "react";
import { useStore } from "jotai";
import { criticalCountAtom } from "../atoms";

// Mirrors the critical-alert count into the tab title without re-rendering.
export function CriticalTitle() {
  const store = useStore();

  useEffect(
    () =>
      store.sub(criticalCountAtom, () => {
        const n = store.get(criticalCountAtom);
        document.title = n > 0 ? `(${n}) Ops console` : "Ops console";
      }),
    [store]
  );

  return null;
}
