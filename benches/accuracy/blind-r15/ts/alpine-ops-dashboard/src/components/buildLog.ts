// Streams the CI log for a branch while the panel is open (x-if removes it when closed).
export function buildLog(branch: string) {
  let source: EventSource | null = null;

  return {
    lines: [] as string[],

    init() {
      source = new EventSource(`/api/builds/${encodeURIComponent(branch)}/log`);
      source.addEventListener("line", (e) => {
        this.lines.push((e as MessageEvent<string>).data);
        if (this.lines.length > 500) this.lines.splice(0, this.lines.length - 500);
      });
      source.onerror = () => this.lines.push("-- stream interrupted, retrying --");
    },

    destroy() {
      source?.close();
      source = null;
    },
  };
}
