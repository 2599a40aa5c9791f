declare module 'webex-node-bot-framework' {
  export interface Bot {
    id: string;
    room: { id: string; title: string; type: 'direct' | 'group' };
    say(format: 'markdown' | 'text', message: string): Promise<unknown>;
    reply(replyTo: unknown, message: string, format?: 'markdown' | 'text'): Promise<unknown>;
  }
  export interface Trigger {
    text: string;
    args: string[];
    message: { id: string; text: string };
    person: { id: string; displayName: string; emails: string[] };
  }
  export default class Framework {
    constructor(config: { token: string; webhookUrl?: string; port?: number; removeDeviceRegistrationsOnStart?: boolean });
    start(): Promise<void>;
    stop(): Promise<void>;
    on(event: 'initialized', cb: () => void): void;
    on(event: 'spawn', cb: (bot: Bot, id: string, actorId?: string) => void): void;
    hears(phrase: string | RegExp, action: (bot: Bot, trigger: Trigger) => unknown, helpText?: string, priority?: number): string;
  }
}
