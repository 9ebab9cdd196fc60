import type { Rng } from '../rng.js';

/** A mobile number as people and systems write it: `+86 138-1234-5678`, `86-13812345678`, `138 1234 5678`... */
export function formatMobile(rng: Rng, mobile: string): string {
  const [a, b, c] = [mobile.slice(0, 3), mobile.slice(3, 7), mobile.slice(7)];
  switch (rng.weightedIndex([4, 1, 1, 1, 1, 1, 0.5, 0.3])) {
    case 0: return mobile;
    case 1: return `+86 ${a}-${b}-${c}`;
    case 2: return `86-${mobile}`;
    case 3: return `${a} ${b} ${c}`;
    case 4: return `${a}-${b}-${c}`;
    case 5: return `+86${mobile}`;
    case 6: return `(+86) ${mobile}`;
    default: return toFullWidthDigits(mobile);
  }
}

/** A Hangzhou landline (0571-8xxxxxxx) in one of its written forms. */
export function drawLandline(rng: Rng): string {
  const local = `8${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
  switch (rng.int(0, 4)) {
    case 0: return `0571-${local}`;
    case 1: return `0571 ${local}`;
    case 2: return `(0571)${local}`;
    case 3: return `0571${local}`;
    default: return local;
  }
}

/** One digit after the prefix mistyped. */
export function mistypePhone(rng: Rng, mobile: string): string {
  const i = rng.int(3, mobile.length - 1);
  const digit = (Number(mobile[i]) + rng.int(1, 9)) % 10;
  return mobile.slice(0, i) + String(digit) + mobile.slice(i + 1);
}

/** １３８１２３４５６７８: digits typed with a full-width input method. */
export function toFullWidthDigits(text: string): string {
  return text.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
}
