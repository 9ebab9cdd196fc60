/**
 * Text folding shared by the linkage normalisers. NFKC turns full-width digits, Latin letters,
 * punctuation and the ideographic space (１２３号, Ｚｈａｎｇ, （）, U+3000) into their half-width forms.
 */
export function toHalfWidth(text: string): string {
  return text.normalize('NFKC');
}

/** Half-width text without whitespace or the separators people type between name and address parts. */
export function compactText(text: string): string {
  return toHalfWidth(text).replace(/[\s·•,，、]/g, '');
}

/** True when the text has at least one CJK ideograph. */
export function hasHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}
