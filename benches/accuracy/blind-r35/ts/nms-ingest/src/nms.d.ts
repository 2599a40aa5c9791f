declare module 'node-media-server' {
  interface NmsSession {
    reject(): void;
  }
  export default class NodeMediaServer {
    constructor(config: Record<string, unknown>);
    run(): void;
    stop(): void;
    getSession(id: string): NmsSession;
    on(
      event: 'prePublish' | 'postPublish' | 'donePublish' | 'prePlay' | 'postPlay' | 'donePlay',
      cb: (id: string, streamPath: string, args: Record<string, string>) => void,
    ): void;
  }
}
