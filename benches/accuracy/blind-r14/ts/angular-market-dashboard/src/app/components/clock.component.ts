import { Component, OnDestroy, OnInit, NgZone, inject, signal, effect } from '@angular/core';
import { DatePipe } from '@angular/common';

@Component({
  selector: 'app-clock',
  standalone: true,
  imports: [DatePipe],
  template: `<time>{{ now() | date: 'HH:mm:ss' }}</time> <span>{{ marketOpen() ? 'OPEN' : 'CLOSED' }}</span>`,
})
export class ClockComponent implements OnInit, OnDestroy {
  private readonly zone = inject(NgZone);
  private timer?: ReturnType<typeof setInterval>;

  readonly now = signal(new Date());
  readonly marketOpen = signal(false);

  constructor() {
    effect((onCleanup) => {
      const open = this.marketOpen();
      const onVisibility = () => {
        if (document.visibilityState === 'visible') this.now.set(new Date());
      };
      document.addEventListener('visibilitychange', onVisibility);
      document.title = open ? 'Market open' : 'Market closed';
      onCleanup(() => document.removeEventListener('visibilitychange', onVisibility));
    });
  }

  ngOnInit(): void {
    this.zone.runOutsideAngular(() => {
      this.timer = setInterval(() => {
        const d = new Date();
        this.zone.run(() => {
          this.now.set(d);
          const minutes = d.getUTCHours() * 60 + d.getUTCMinutes();
          this.marketOpen.set(minutes >= 13 * 60 + 30 && minutes < 20 * 60);
        });
      }, 1000);
    });
  }

  ngOnDestroy(): void {
    clearInterval(this.timer);
  }
}
