import { Strategy, type Context } from "unleash-client";

// isEnabled runs for every flag check, so it only reads an in-memory set
// that main.ts refreshes from Redis in the background.
export class BetaCohortStrategy extends Strategy {
  constructor(private readonly cohort: () => ReadonlySet<string>) {
    super("betaCohort");
  }

  isEnabled(parameters: { cohortName?: string }, context: Context): boolean {
    if (!context.userId) return false;
    const key = `${parameters.cohortName ?? "default"}:${context.userId}`;
    return this.cohort().has(key);
  }
}
