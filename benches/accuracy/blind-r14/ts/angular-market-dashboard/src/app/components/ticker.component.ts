import { Component, DestroyRef, Input, OnInit, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { DecimalPipe } from '@angular/common';
import { MarketFeedService } from '../services/market-feed.service';

@Component({
  selector: 'app-ticker',
  standalone: true,
  imports: [DecimalPipe],
  template: `
    <div class="ticker" [class.up]="delta() >= 0" [class.down]="delta() < 0">
      <span class="symbol">{{ symbol }}</span>
      <span class="price">{{ price() | number: '1.2-2' }}</span>
    </div>
  `,
})
export class TickerComponent implements OnInit {
  @Input({ required: true }) symbol!: string;

  private readonly feed = inject(MarketFeedService);
  private readonly destroyRef = inject(DestroyRef);

  readonly price = signal(0);
  readonly delta = signal(0);

  ngOnInit(): void {
    this.feed
      .ticksFor(this.symbol)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((tick) => {
        this.delta.set(tick.price - this.price());
        this.price.set(tick.price);
      });
  }
}
