import type { RedisClientType } from "redis";
import type { Watcher } from "casbin";

const CHANNEL = "casbin:policy-updated";

/** Broadcasts policy changes between replicas of the authz service. */
export class RedisWatcher implements Watcher {
  private callback: () => void = () => undefined;

  private constructor(
    private readonly publisher: RedisClientType,
    private readonly subscriber: RedisClientType,
    private readonly instanceId: string,
  ) {}

  static async create(publisher: RedisClientType, instanceId: string): Promise<RedisWatcher> {
    const subscriber = publisher.duplicate();
    await subscriber.connect();
    const watcher = new RedisWatcher(publisher, subscriber, instanceId);
    await subscriber.subscribe(CHANNEL, (message) => {
      if (message !== instanceId) watcher.callback();
    });
    return watcher;
  }

  setUpdateCallback(callback: () => void): void {
    this.callback = callback;
  }

  async update(): Promise<boolean> {
    await this.publisher.publish(CHANNEL, this.instanceId);
    return true;
  }

  close(): void {
    void this.subscriber.quit();
  }
}
