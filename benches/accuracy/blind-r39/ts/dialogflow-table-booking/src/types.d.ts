declare module "dialogflow-fulfillment" {
  export class WebhookClient {
    constructor(opts: { request: unknown; response: unknown });
    intent: string;
    session: string;
    parameters: Record<string, any>;
    add(response: string): void;
    setContext(ctx: { name: string; lifespan: number; parameters?: Record<string, unknown> }): void;
    handleRequest(handler: Map<string, (agent: WebhookClient) => unknown>): Promise<void>;
  }
}
