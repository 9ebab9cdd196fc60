import { initialSchema } from './001-initial-schema.js';
import type { Migration } from './migration.js';

/** Every migration, in version order. Append only: never edit one that has shipped. */
export const migrations: readonly Migration[] = [initialSchema];
