import { Component, HostListener, OnInit, inject, signal } from '@angular/core';
import { HttpClient } from '@angular/common/http';
import { TickerComponent } from './components/ticker.component';
import { ClockComponent } from './components/clock.component';

@Component({
  selector: 'app-root',
  standalone: true,
  imports: [TickerComponent, ClockComponent],
  template: `
    <header><h1>Markets</h1><app-clock /></header>
    <section [class.compact]="compact()">
      @for (symbol of watchlist(); track symbol) {
        <app-ticker [symbol]="symbol" />
      }
    </section>
  `,
})
export class AppComponent implements OnInit {
  private readonly http = inject(HttpClient);
  readonly watchlist = signal<string[]>([]);
  readonly compact = signal(window.innerWidth < 720);

  ngOnInit(): void {
    this.http.get<string[]>('/api/watchlist').subscribe((symbols) => this.watchlist.set(symbols));
  }

  @HostListener('window:resize')
  onResize(): void {
    this.compact.set(window.innerWidth < 720);
  }
}
