declare module 'zulip-js' {
  export interface ZulipMessage {
    id: number;
    type: 'private' | 'stream';
    sender_id: number;
    sender_email: string;
    sender_full_name: string;
    content: string;
    display_recipient: string | Array<{ id: number; email: string }>;
    subject: string;
  }
  export interface ZulipEvent {
    id: number;
    type: string;
    message?: ZulipMessage;
  }
  export interface ZulipClient {
    messages: { send(params: Record<string, unknown>): Promise<{ result: string }> };
    users: { me: { getProfile(): Promise<{ user_id: number; email: string }> } };
    callOnEachEvent(handler: (event: ZulipEvent) => void | Promise<void>, eventTypes?: string[]): Promise<void>;
  }
  export default function zulipInit(config: { zuliprc?: string; username?: string; apiKey?: string; realm?: string }): Promise<ZulipClient>;
}
