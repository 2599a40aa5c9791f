import { interval, from, defer, EMPTY, type Observable } from 'rxjs';
import { startWith, exhaustMap, mergeMap, catchError, retry, tap, map } from 'rxjs/operators';
import { claimBatch, exportPeriod, releaseClaim, type ExportDeps, type PeriodRow } from './jobs';

export interface ExportEvent {
  period: PeriodRow;
  objectName?: string;
  error?: string;
}

// Every tick claims a batch; each claimed period is exported with bounded concurrency.
// All work goes through the clients in `deps`, which main() builds once.
export function exportPipeline(deps: ExportDeps, everyMs = 60_000): Observable<ExportEvent> {
  return interval(everyMs).pipe(
    startWith(-1),
    exhaustMap(() =>
      defer(() => claimBatch(deps.pool)).pipe(
        retry({ count: 3, delay: 5_000 }),
        catchError((err) => {
          console.error(`claim failed: ${(err as Error).message}`);
          return EMPTY;
        }),
      ),
    ),
    mergeMap((batch) => from(batch)),
    mergeMap(
      (period) =>
        defer(() => exportPeriod(deps, period)).pipe(
          map((objectName): ExportEvent => ({ period, objectName })),
          catchError((err) =>
            from(releaseClaim(deps.pool, period)).pipe(
              map((): ExportEvent => ({ period, error: (err as Error).message })),
            ),
          ),
        ),
      4,
    ),
    tap((ev) => {
      if (ev.error) console.error(`${ev.period.entity} ${ev.period.period}: ${ev.error}`);
      else console.log(`${ev.period.entity} ${ev.period.period} -> gs://${deps.bucket.name}/${ev.objectName}`);
    }),
  );
}
