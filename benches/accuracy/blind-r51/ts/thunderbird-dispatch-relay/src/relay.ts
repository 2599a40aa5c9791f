// A single websocket to the depot board for the whole lifetime of the
// background page. When the board restarts the socket is re-opened with
// back-off; messages sent meanwhile wait in the queue.
class BoardRelay {
  private socket: WebSocket | null = null;
  private queue: string[] = [];
  private attempt = 0;

  constructor(private readonly url: string) {}

  start(): void {
    if (this.socket) return;
    this.open();
  }

  private open(): void {
    const socket = new WebSocket(this.url);
    this.socket = socket;

    socket.addEventListener('open', () => {
      this.attempt = 0;
      for (const payload of this.queue.splice(0)) socket.send(payload);
    });
    socket.addEventListener('close', () => {
      this.socket = null;
      const delay = Math.min(30_000, 1_000 * 2 ** this.attempt++);
      setTimeout(() => this.open(), delay);
    });
  }

  send(message: object): void {
    const payload = JSON.stringify(message);
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(payload);
    else this.queue.push(payload);
  }
}
