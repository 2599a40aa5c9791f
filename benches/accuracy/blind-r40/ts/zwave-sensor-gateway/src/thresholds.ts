export interface Threshold {
  property: string;
  max?: number;
  min?: number;
}

export const thresholds: Threshold[] = [
  { property: "Air temperature", max: 30, min: 5 },
  { property: "Humidity", max: 70 },
  { property: "Water leak", max: 0 },
];

export function breached(propertyName: string, value: number): Threshold | undefined {
  return thresholds.find(
    (t) => t.property === propertyName && ((t.max !== undefined && value > t.max) || (t.min !== undefined && value < t.min)),
  );
}
