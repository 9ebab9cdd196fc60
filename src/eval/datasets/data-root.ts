import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../../core/errors.js';

/** Where the shared real data sets live relative to the repository root (see ../shared/data/README.md). */
export const DEFAULT_DATA_DIR = '../shared/data';

/** A real data set needed by an eval is not on this machine. */
export class DatasetUnavailableError extends AppError {
  constructor(dataset: string, path: string) {
    super('DATASET_UNAVAILABLE', `data set ${dataset} not found at ${path}`, { details: { dataset, path } });
  }
}

/** The folder of a shared data set with the files an eval needs, or a DatasetUnavailableError. */
export function datasetFolder(dataDir: string | undefined, dataset: string, files: readonly string[]): string {
  const folder = resolve(dataDir ?? DEFAULT_DATA_DIR, dataset);
  for (const file of files) {
    const path = join(folder, file);
    if (!existsSync(path)) throw new DatasetUnavailableError(dataset, path);
  }
  return folder;
}
