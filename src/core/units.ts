/** Named domain units: a number that means kWh is not interchangeable with one that means CNY. */
declare const brand: unique symbol;
type Branded<T, B extends string> = T & { readonly [brand]: B };

export type Kwh = Branded<number, 'kWh'>;
export type Kw = Branded<number, 'kW'>;
export type Kva = Branded<number, 'kVA'>;
export type Cny = Branded<number, 'CNY'>;
export type CustomerId = Branded<string, 'CustomerId'>;
export type MeterId = Branded<number, 'MeterId'>;
export type AreaId = Branded<string, 'AreaId'>;

export const kwh = (value: number): Kwh => value as Kwh;
export const cny = (value: number): Cny => value as Cny;

/** Rounds money to the fen (0.01 CNY), half away from zero, the way bills are printed. */
export function roundFen(value: number): number {
  const scaled = Math.abs(value) * 100;
  const rounded = Math.round(scaled + 1e-9) / 100;
  return value < 0 ? -rounded : rounded;
}
