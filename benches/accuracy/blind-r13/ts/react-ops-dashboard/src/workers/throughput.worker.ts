/// <reference lib="webworker" />
let timer: ReturnType<typeof setInterval> | undefined;

self.onmessage = (e: MessageEvent<{ storeId: string }>) => {
  if (timer) clearInterval(timer);
  const poll = async () => {
    const res = await fetch(`/api/stores/${e.data.storeId}/throughput`);
    const { perMinute } = (await res.json()) as { perMinute: number };
    self.postMessage({ perMinute });
  };
  void poll();
  timer = setInterval(poll, 10_000);
};
