import { pinyin } from 'pinyin-pro';
import type { Rng } from '../rng.js';
import { homophoneGroups, traditionalChars } from './name-variant-tables.js';

/** How a person's name was written in a source record. */
export type NameVariant = 'exact' | 'spacing' | 'homophone' | 'traditional' | 'missing-given' | 'pinyin' | 'address-form';

const homophoneOf = new Map<string, string>();
for (const group of homophoneGroups) for (const ch of group) homophoneOf.set(ch, group);

/** Applies one variant to a Han person name (2–4 characters); variants that do not apply return it unchanged. */
export function personNameVariant(rng: Rng, name: string, variant: NameVariant, male: boolean): string {
  switch (variant) {
    case 'exact': return name;
    case 'spacing': return spaced(rng, name);
    case 'homophone': return homophoneTypo(rng, name);
    case 'traditional': return [...name].map((ch) => traditionalChars[ch] ?? ch).join('');
    case 'missing-given': return missingGiven(rng, name);
    case 'pinyin': return romanised(rng, name);
    case 'address-form': return name[0] + (male ? '先生' : rng.pick(['女士', '女士', '小姐']));
  }
}

/** 张 伟, 张\u3000伟 (ideographic space), ' 张伟', '张伟 '. */
function spaced(rng: Rng, name: string): string {
  switch (rng.int(0, 3)) {
    case 0: return `${name[0]} ${name.slice(1)}`;
    case 1: return `${name[0]}\u3000${name.slice(1)}`;
    case 2: return ` ${name}`;
    default: return `${name} `;
  }
}

/** One character replaced by another with the same pinyin; the given name is the likelier victim. */
function homophoneTypo(rng: Rng, name: string): string {
  const chars = [...name];
  const candidates = chars.map((ch, i) => i).filter((i) => (homophoneOf.get(chars[i])?.length ?? 0) > 1);
  if (candidates.length === 0) return name;
  const given = candidates.filter((i) => i > 0);
  const i = given.length > 0 && rng.chance(0.8) ? rng.pick(given) : rng.pick(candidates);
  const group = [...homophoneOf.get(chars[i])!].filter((ch) => ch !== chars[i]);
  chars[i] = rng.pick(group);
  return chars.join('');
}

/** A three-character name loses one given-name character (王晓明 → 王明 or 王晓). */
function missingGiven(rng: Rng, name: string): string {
  if (name.length !== 3) return name;
  return rng.chance(0.5) ? name[0] + name[2] : name.slice(0, 2);
}

/** The romanised name of the English app: Zhang Wei, WEI Zhang, zhang wei, Xiaoming WANG. */
function romanised(rng: Rng, name: string): string {
  const [surname, ...given] = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true });
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const givenName = given.join('');
  switch (rng.int(0, 3)) {
    case 0: return `${cap(surname)} ${cap(givenName)}`;
    case 1: return `${cap(givenName)} ${surname.toUpperCase()}`;
    case 2: return `${surname} ${givenName}`;
    default: return `${surname.toUpperCase()} ${cap(givenName)}`;
  }
}

/** Drops the city prefix or the legal-form suffix of a business name, or spaces it. */
export function organisationNameVariant(rng: Rng, name: string): string {
  switch (rng.int(0, 5)) {
    case 0: return name.replace(/^(浙江省|浙江|杭州市|杭州)/, '');
    case 1: return name.replace(/有限公司$/, '有限责任公司');
    case 2: return name.replace(/有限公司$/, '');
    case 3: return name.replace(/^(杭州市|杭州|浙江)/, '$1 ');
    default: return name;
  }
}

/** Picks a variant by weight. */
export function drawNameVariant(rng: Rng, weights: Readonly<Partial<Record<NameVariant, number>>>): NameVariant {
  const entries = Object.entries(weights) as [NameVariant, number][];
  return entries[rng.weightedIndex(entries.map(([, w]) => w))][0];
}
