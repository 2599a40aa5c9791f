const IDENT = /^[a-z_][a-z0-9_]{0,62}$/i

const AGGREGATES: Record<string, string> = {
  avg: "avg",
  min: "min",
  max: "max",
  sum: "sum",
  count: "count",
  last: "last",
}

const BUCKETS = new Set([
  "1 minute",
  "5 minutes",
  "15 minutes",
  "1 hour",
  "6 hours",
  "1 day",
  "1 week",
])

export function ident(name: string): string {
  if (!IDENT.test(name)) {
    throw new Error(`Invalid identifier: ${name}`)
  }
  return `"${name}"`
}

export function qualified(schema: string, table: string): string {
  return `${ident(schema)}.${ident(table)}`
}

export function aggregate(fn: string, column: string): string {
  const sqlFn = AGGREGATES[fn.toLowerCase()]
  if (!sqlFn) {
    throw new Error(`Unsupported aggregate: ${fn}`)
  }
  if (sqlFn === "last") {
    return `last(${ident(column)}, "time")`
  }
  return `${sqlFn}(${ident(column)})`
}

export function bucketInterval(bucket: string): string {
  if (!BUCKETS.has(bucket)) {
    throw new Error(`Unsupported bucket width: ${bucket}`)
  }
  return bucket
}
