import { nameKey } from './name-normalizer.js';
import type { PreparedRecord } from './linkable-record.js';

/** Candidate pairs: indices into the prepared records, left < right, never two master records. */
export interface CandidatePairs {
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly blocks: number;
  /** Blocks over `maxBlockSize` records, skipped to keep the work near-linear (a common phone of a call centre, say). */
  readonly skippedBlocks: number;
}

/**
 * The keys a record is blocked on: phone, the visible ends of the ID number, district plus the
 * folded pinyin of the full name, road plus house number, and compound plus building.
 */
export function blockingKeys(r: PreparedRecord): string[] {
  const keys: string[] = [];
  if (r.phone) keys.push(`p:${r.phone.value}`);
  if (r.id) keys.push(`i:${r.id.ends}`);
  const name = nameKey(r.name);
  if (name !== undefined && r.name.kind === 'organisation') keys.push(`n:${name}`);
  else if (name !== undefined && r.address?.district) keys.push(`n:${r.address.district}|${name}`);
  if (r.address?.road && r.address.number) keys.push(`a:${r.address.road}|${r.address.number}`);
  if (r.address?.compound && r.address.building) keys.push(`c:${r.address.compound}|${r.address.building}`);
  return keys;
}

/** A block's members in index order (masters first, as they are prepared first) and where the others start. */
interface Block {
  readonly members: number[];
  firstOther: number;
}

export function candidatePairs(records: readonly PreparedRecord[], maxBlockSize: number): CandidatePairs {
  const keysOf = records.map(blockingKeys);
  const blocks = buildBlocks(records, keysOf);
  let skippedBlocks = 0;
  for (const block of blocks.values()) if (block.members.length > maxBlockSize) skippedBlocks++;
  const left: number[] = [];
  const right: number[] = [];
  // stamp[j] === i once the pair (i, j) is taken: a record pair sharing several keys is compared once.
  const stamp = new Int32Array(records.length).fill(-1);
  for (let i = 0; i < records.length; i++) {
    for (const key of keysOf[i]) {
      const block = blocks.get(key)!;
      if (block.members.length > maxBlockSize) continue;
      for (let x = block.firstOther; x < block.members.length; x++) {
        const j = block.members[x];
        if (j <= i || stamp[j] === i) continue;
        stamp[j] = i;
        left.push(i);
        right.push(j);
      }
    }
  }
  return { left: Int32Array.from(left), right: Int32Array.from(right), blocks: blocks.size, skippedBlocks };
}

function buildBlocks(records: readonly PreparedRecord[], keysOf: readonly string[][]): Map<string, Block> {
  const blocks = new Map<string, Block>();
  for (const r of records) {
    for (const key of keysOf[r.index]) {
      let block = blocks.get(key);
      if (block === undefined) blocks.set(key, (block = { members: [], firstOther: 0 }));
      if (r.customerId !== undefined) block.firstOther++;
      block.members.push(r.index);
    }
  }
  return blocks;
}
