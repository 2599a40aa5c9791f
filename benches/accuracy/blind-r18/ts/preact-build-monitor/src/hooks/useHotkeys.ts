import { useEffect } from "preact/hooks";

export type Bindings = Record<string, () => void>;

function keyOf(e: KeyboardEvent): string {
  return [e.ctrlKey && "ctrl", e.shiftKey && "shift", e.key.toLowerCase()].filter(Boolean).join("+");
}

export function useHotkeys(bindings: Bindings) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.target as HTMLElement | null)?.closest("input, textarea")) return;
      const action = bindings[keyOf(e)];
      if (action) {
        e.preventDefault();
        action();
      }
    };
    window.addEventListener("keydown", onKey);
  }, [bindings]);
}
