import { modifier } from "ember-modifier";

// Calls the handler when the element shrinks below 480px (used to auto-pause the feed).
export default modifier((element: HTMLElement, [onNarrow]: [() => void]) => {
  let narrow = false;
  const observer = new ResizeObserver(([entry]) => {
    const isNarrow = entry.contentRect.width < 480;
    if (isNarrow && !narrow) onNarrow();
    narrow = isNarrow;
  });
  observer.observe(element);

  return () => observer.disconnect();
});
