export interface Reading {
  sensorId: string;
  house: string;
  kind: "temp" | "humidity" | "co2" | "soil";
  value: number;
  at: string;
}
