import { Injectable, OnDestroy } from '@angular/core';
import { webSocket, WebSocketSubject } from 'rxjs/webSocket';
import { Observable, filter, map, retry, share, timer } from 'rxjs';

export interface Tick {
  symbol: string;
  price: number;
  ts: number;
}

type FeedMessage = { kind: 'tick'; tick: Tick } | { kind: 'heartbeat' };

/**
 * App-wide singleton: exactly one socket to the quote server, multiplexed
 * to every component through a shared observable.
 */
@Injectable({ providedIn: 'root' })
export class MarketFeedService implements OnDestroy {
  private readonly socket: WebSocketSubject<FeedMessage> = webSocket<FeedMessage>({
    url: 'wss://quotes.example.com/v2/stream',
    openObserver: { next: () => console.debug('quote feed open') },
  });

  private readonly ticks$: Observable<Tick> = this.socket.pipe(
    retry({ delay: (_err, attempt) => timer(Math.min(30_000, 1_000 * 2 ** attempt)) }),
    filter((m): m is { kind: 'tick'; tick: Tick } => m.kind === 'tick'),
    map((m) => m.tick),
    share(),
  );

  ticksFor(symbol: string): Observable<Tick> {
    return this.ticks$.pipe(filter((t) => t.symbol === symbol));
  }

  ngOnDestroy(): void {
    this.socket.complete();
  }
}
