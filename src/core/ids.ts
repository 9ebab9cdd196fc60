/** Identifier formats used across GridLens. Stable and sortable: a prefix and a zero-padded number. */
export const customerIdOf = (index: number): string => `C${String(index + 1).padStart(8, '0')}`;
export const accountIdOf = (index: number): string => `A${String(index + 1).padStart(8, '0')}`;
export const areaIdOf = (index: number): string => `TA${String(index + 1).padStart(5, '0')}`;
export const feederIdOf = (index: number): string => `FD${String(index + 1).padStart(4, '0')}`;
export const equipmentIdOf = (index: number): string => `EQ${String(index + 1).padStart(6, '0')}`;

/**
 * Meter asset numbers follow the 22-digit barcode style of State Grid smart meters: a fixed
 * manufacturer/batch prefix and a serial. The integer meter id is the warehouse surrogate key.
 */
export const meterNoOf = (meterId: number): string => `33010${String(meterId).padStart(17, '0')}`;
