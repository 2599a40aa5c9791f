export async function forecast(city: string): Promise<string> {
  if (!city) return "which city?";
  const geo = await fetch(
    `https://geocoding-api.open-meteo.com/v1/search?count=1&name=${encodeURIComponent(city)}`,
  ).then((r) => r.json() as Promise<{ results?: { latitude: number; longitude: number; name: string }[] }>);
  const place = geo.results?.[0];
  if (!place) return `no idea where ${city} is`;

  const wx = await fetch(
    `https://api.open-meteo.com/v1/forecast?latitude=${place.latitude}&longitude=${place.longitude}&current=temperature_2m,wind_speed_10m`,
  ).then((r) => r.json() as Promise<{ current: { temperature_2m: number; wind_speed_10m: number } }>);

  return `${place.name}: ${wx.current.temperature_2m}°C, wind ${wx.current.wind_speed_10m} km/h`;
}
