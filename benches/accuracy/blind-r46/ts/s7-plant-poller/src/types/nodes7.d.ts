declare module 'nodes7' {
  type Callback = (err?: unknown) => void;
  class NodeS7 {
    constructor(opts?: { silent?: boolean; debug?: boolean });
    initiateConnection(
      params: { host: string; port?: number; rack?: number; slot?: number; timeout?: number },
      cb: Callback,
    ): void;
    setTranslationCB(cb: (tag: string) => string): void;
    addItems(items: string | string[]): void;
    readAllItems(cb: (anythingBad: boolean, values: Record<string, unknown>) => void): void;
    dropConnection(cb?: () => void): void;
  }
  export = NodeS7;
}
