import type { SynthOptionsInput } from '../synth/synth-options.js';

/** What a caller (CLI, API, test) may ask of the generator; unset fields take the documented defaults. */
export type SynthRequest = { [K in keyof SynthOptionsInput]?: SynthOptionsInput[K] | undefined };

export function cleanRequest(request: SynthRequest): SynthOptionsInput {
  return Object.fromEntries(Object.entries(request).filter(([, v]) => v !== undefined)) as SynthOptionsInput;
}
