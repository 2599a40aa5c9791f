declare module 'bacstack' {
  import { EventEmitter } from 'events'

  export interface ObjectId {
    type: number
    instance: number
  }

  export interface BacnetValue {
    type: number
    value: unknown
  }

  export interface CovNotification {
    address: string
    request: {
      subscriberProcessId: number
      initiatingDeviceId: ObjectId
      monitoredObjectId: ObjectId
      timeRemaining: number
      values: Array<{ property: { id: number; index?: number }; value: BacnetValue[] }>
    }
  }

  interface ClientOptions {
    port?: number
    interface?: string
    broadcastAddress?: string
    apduTimeout?: number
  }

  class Bacnet extends EventEmitter {
    constructor(options?: ClientOptions)
    subscribeCOV(
      address: string,
      objectId: ObjectId,
      subscribeId: number,
      cancel: boolean,
      issueConfirmedNotifications: boolean,
      lifetime: number,
      next: (err?: Error) => void,
    ): void
    on(event: 'covNotifyUnconfirmed', listener: (data: CovNotification) => void): this
    on(event: 'error', listener: (err: Error) => void): this
    close(): void
  }

  export default Bacnet
}
