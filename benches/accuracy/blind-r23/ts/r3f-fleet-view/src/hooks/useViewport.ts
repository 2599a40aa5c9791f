import { useEffect, useState } from 'react';

const COMPACT_BREAKPOINT = 900;

export function useViewport() {
  const [width, setWidth] = useState(() => window.innerWidth);
  const [fps, setFps] = useState(60);

  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
  }, []);

  // Rough frame-rate probe used to drop the DPR on weak laptops.
  useEffect(() => {
    let frames = 0;
    let raf = 0;
    const tick = () => {
      frames += 1;
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    const timer = setInterval(() => {
      setFps(frames);
      frames = 0;
    }, 1000);
    return () => {
      cancelAnimationFrame(raf);
      clearInterval(timer);
    };
  }, []);

  return { width, fps, compact: width < COMPACT_BREAKPOINT || fps < 30 };
}
