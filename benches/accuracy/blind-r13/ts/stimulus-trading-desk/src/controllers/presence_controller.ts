import { Controller } from "@hotwired/stimulus";
import type { PresenceChannel } from "pusher-js";
import { pusher } from "../lib/pusher";

export default class PresenceController extends Controller<HTMLElement> {
  static values = { desk: String };
  static targets = ["count"];
  declare readonly deskValue: string;
  declare readonly countTarget: HTMLElement;

  private channel?: PresenceChannel;
  private readonly refresh = () => {
    this.countTarget.textContent = String(this.channel?.members.count ?? 0);
  };

  connect(): void {
    this.channel = pusher.subscribe(`presence-desk-${this.deskValue}`) as PresenceChannel;
    this.channel.bind("pusher:subscription_succeeded", this.refresh);
    this.channel.bind("pusher:member_added", this.refresh);
    this.channel.bind("pusher:member_removed", this.refresh);
  }

  disconnect(): void {
    this.channel?.unbind("pusher:subscription_succeeded", this.refresh);
    this.channel?.unbind("pusher:member_added", this.refresh);
    this.channel?.unbind("pusher:member_removed", this.refresh);
    pusher.unsubscribe(`presence-desk-${this.deskValue}`);
    this.channel = undefined;
  }
}
