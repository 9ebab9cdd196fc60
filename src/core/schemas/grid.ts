import { z } from 'zod';

/** A transformer area (台区): the low-voltage network behind one distribution transformer. */
export const TransformerArea = z.object({
  areaId: z.string().min(1),
  name: z.string().min(1),
  region: z.string().min(1),
  district: z.string().min(1),
  feederId: z.string().min(1),
  transformerKva: z.number().positive(),
  /** Whether the transformer serves one customer only (专变) or the public (公变). */
  dedicated: z.boolean(),
});
export type TransformerArea = z.infer<typeof TransformerArea>;

/** The area meter (台区总表) reading: energy delivered into the area in the interval. */
export const AreaReading = z.object({
  areaId: z.string().min(1),
  ts: z.date(),
  kwh: z.number().nonnegative(),
});
export type AreaReading = z.infer<typeof AreaReading>;

export const WeatherObservation = z.object({
  stationId: z.string().min(1),
  ts: z.date(),
  temperatureC: z.number().min(-60).max(60),
  relativeHumidity: z.number().min(0).max(100),
  irradianceWm2: z.number().min(0).max(1500),
});
export type WeatherObservation = z.infer<typeof WeatherObservation>;

export const EquipmentKind = z.enum(['distribution_transformer', 'dedicated_transformer']);

export const Equipment = z.object({
  equipmentId: z.string().min(1),
  kind: EquipmentKind,
  areaId: z.string().min(1),
  customerId: z.string().nullable(),
  ratedKva: z.number().positive(),
  installDate: z.iso.date(),
  model: z.string().min(1),
});
export type Equipment = z.infer<typeof Equipment>;

/** Hourly equipment telemetry from IoT sensors. */
export const Telemetry = z.object({
  equipmentId: z.string().min(1),
  ts: z.date(),
  loadKva: z.number().nonnegative(),
  oilTempC: z.number(),
  ambientC: z.number(),
  imbalancePct: z.number().min(0).max(100),
});
export type Telemetry = z.infer<typeof Telemetry>;
