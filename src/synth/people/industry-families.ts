/** Archetype families of non-residential customers, as far as names and wording are concerned. */
export const companyFamilies = [
  'manufacturing', 'chemical', 'textile', 'electronics', 'food_processing', 'construction', 'logistics', 'datacenter',
  'office', 'retail', 'restaurant', 'hotel', 'shopping_mall', 'school', 'hospital', 'government', 'water_utility',
  'street_lighting', 'agriculture', 'ev_charging',
] as const;

export type CompanyFamily = (typeof companyFamilies)[number];

/** Load-archetype names, customer types and other labels, matched as substrings. */
const ALIASES: readonly (readonly [string, CompanyFamily])[] = [
  ['industrial', 'manufacturing'], ['factory', 'manufacturing'], ['commercial', 'retail'], ['shop', 'retail'],
  ['supermarket', 'retail'], ['mall', 'shopping_mall'], ['cafe', 'restaurant'], ['canteen', 'restaurant'],
  ['clinic', 'hospital'], ['kindergarten', 'school'], ['university', 'school'], ['warehouse', 'logistics'],
  ['cold_storage', 'logistics'], ['agricultural', 'agriculture'], ['farm', 'agriculture'], ['greenhouse', 'agriculture'],
  ['irrigation', 'agriculture'], ['lighting', 'street_lighting'], ['public', 'government'],
];

/** GB/T 4754-2017 sections (and a few divisions, matched first) mapped onto families. */
const GBT4754_DIVISIONS: Readonly<Record<string, CompanyFamily>> = {
  C13: 'food_processing', C14: 'food_processing', C15: 'food_processing', C17: 'textile', C18: 'textile', C19: 'textile',
  C26: 'chemical', C28: 'chemical', C29: 'chemical', C39: 'electronics', D46: 'water_utility', F52: 'retail',
  G59: 'logistics', H61: 'hotel', H62: 'restaurant', I64: 'datacenter', I65: 'datacenter', N76: 'water_utility',
  N77: 'water_utility', N78: 'street_lighting',
};
const GBT4754_SECTIONS: Readonly<Record<string, CompanyFamily>> = {
  A: 'agriculture', B: 'manufacturing', C: 'manufacturing', D: 'office', E: 'construction', F: 'office', G: 'logistics',
  H: 'restaurant', I: 'office', J: 'office', K: 'office', L: 'office', M: 'office', N: 'government', O: 'retail',
  P: 'school', Q: 'hospital', R: 'office', S: 'government', T: 'government',
};

/**
 * Resolves a family name, a GB/T 4754 industry code (C3311, H6210...), a load-archetype name
 * (factory_two_shift, cold_storage...) or a customer type to a family; anything else is an office.
 */
export function companyFamilyOf(industry: string): CompanyFamily {
  if ((companyFamilies as readonly string[]).includes(industry)) return industry as CompanyFamily;
  if (/^[A-T]\d{2,4}$/.test(industry)) return GBT4754_DIVISIONS[industry.slice(0, 3)] ?? GBT4754_SECTIONS[industry[0]];
  const family = companyFamilies.find((f) => industry.includes(f));
  if (family !== undefined) return family;
  return ALIASES.find(([alias]) => industry.includes(alias))?.[1] ?? 'office';
}
