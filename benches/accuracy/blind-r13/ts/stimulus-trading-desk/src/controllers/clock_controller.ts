import { Controller } from "@hotwired/stimulus";

export default class ClockController extends Controller<HTMLElement> {
  static targets = ["now"];
  declare readonly nowTarget: HTMLTimeElement;

  private timer?: number;
  private readonly onVisibility = () => {
    if (document.hidden) this.stopTicking();
    else this.startTicking();
  };

  connect(): void {
    this.startTicking();
    document.addEventListener("visibilitychange", this.onVisibility);
  }

  disconnect(): void {
    this.stopTicking();
    document.removeEventListener("visibilitychange", this.onVisibility);
  }

  private startTicking(): void {
    this.stopTicking();
    this.render();
    this.timer = window.setInterval(() => this.render(), 1_000);
  }

  private stopTicking(): void {
    if (this.timer !== undefined) {
      window.clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  private render(): void {
    const now = new Date();
    this.nowTarget.dateTime = now.toISOString();
    this.nowTarget.textContent = now.toLocaleTimeString();
  }
}
