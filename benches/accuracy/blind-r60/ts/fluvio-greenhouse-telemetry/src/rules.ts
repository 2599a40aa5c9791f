export interface Reading {
  zone: string;
  sensorId: string;
  temperatureC: number;
  humidityPct: number;
  soilMoisturePct?: number;
  ts: string;
}

export interface ZoneLimits {
  min_temp: number;
  max_temp: number;
  max_humidity: number;
}

export interface Alarm {
  kind: 'too-cold' | 'too-hot' | 'too-humid';
  message: string;
}

export function evaluate(reading: Reading, limits: ZoneLimits | undefined): Alarm | null {
  if (!limits) return null;
  if (reading.temperatureC < limits.min_temp) {
    return { kind: 'too-cold', message: `${reading.zone}: ${reading.temperatureC}°C < ${limits.min_temp}°C` };
  }
  if (reading.temperatureC > limits.max_temp) {
    return { kind: 'too-hot', message: `${reading.zone}: ${reading.temperatureC}°C > ${limits.max_temp}°C` };
  }
  if (reading.humidityPct > limits.max_humidity) {
    return { kind: 'too-humid', message: `${reading.zone}: ${reading.humidityPct}% RH > ${limits.max_humidity}%` };
  }
  return null;
}
