import { parseDrProgram, type DrProgramInput } from '../analytics/dr/index.js';
import type { GridLensConfig } from '../core/config.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { listPrograms, readProgram, writeProgram, type StoredProgram } from './dr-store.js';
import { withStore } from './store.js';

/** The programme `dr event create` uses when none is named; created with defaults on first use. */
export const DEFAULT_PROGRAM: DrProgramInput = { programId: 'DR-PEAK', name: 'Peak-shaving demand response', nameZh: '削峰需求响应' };

/** `gridlens dr program create`: stores a programme; its id must be new. */
export async function drProgramCreate(config: Pick<GridLensConfig, 'db'>, input: DrProgramInput, warehouse?: Warehouse): Promise<StoredProgram> {
  const program = parseDrProgramChecked(input);
  return withStore(config, async (wh) => {
    if (await readProgram(wh, program.programId)) throw new ValidationError(`programme ${program.programId} already exists`, { programId: program.programId });
    const now = new Date();
    await writeProgram(wh, program, now);
    return { ...program, createdMs: now.getTime() };
  }, { warehouse });
}

export async function drProgramList(config: Pick<GridLensConfig, 'db'>, warehouse?: Warehouse): Promise<{ programs: StoredProgram[] }> {
  return withStore(config, async (wh) => ({ programs: await listPrograms(wh) }), { warehouse });
}

/** The named programme, or the default one (created on first use). */
export async function programOrDefault(wh: Warehouse, programId: string | undefined): Promise<StoredProgram> {
  const id = programId ?? DEFAULT_PROGRAM.programId;
  const found = await readProgram(wh, id);
  if (found) return found;
  if (programId !== undefined && programId !== DEFAULT_PROGRAM.programId) throw new NotFoundError('demand-response programme', id);
  const program = parseDrProgram(DEFAULT_PROGRAM);
  const now = new Date();
  await writeProgram(wh, program, now);
  return { ...program, createdMs: now.getTime() };
}

/** Parses a programme, turning a schema error into a ValidationError naming the field. */
export function parseDrProgramChecked(input: DrProgramInput) {
  try {
    return parseDrProgram(input);
  } catch (error) {
    const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
    if (!issues) throw error;
    throw new ValidationError(`programme: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, { issues: issues.map((i) => ({ field: i.path.join('.'), message: i.message })) }, error);
  }
}
