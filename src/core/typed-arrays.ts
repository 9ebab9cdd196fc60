/** Concatenates numeric arrays into one Float64Array, in order. */
export function concatFloat64(parts: readonly ArrayLike<number>[]): Float64Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Float64Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
