const FNV_PRIME = 0x01000193;

const hex = (h: number): string => (h >>> 0).toString(16).toUpperCase().padStart(8, '0');

/**
 * A stable digest of a text, as 32 upper-case hex digits: the `hash` query parameter of
 * the OpenAPI v3 index, which clients use to cache the documents. Four FNV-1a lanes with
 * different offsets and byte tweaks make 128 bits: plenty for cache busting.
 */
export function contentHash(text: string): string {
  const data = new TextEncoder().encode(text);
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  let c = 0x2b5f3b0d;
  let d = 0x6a09e667;
  for (let i = 0; i < data.length; i++) {
    const byte = data[i];
    a = Math.imul(a ^ byte, FNV_PRIME);
    b = Math.imul(b ^ (byte + 31), FNV_PRIME);
    c = Math.imul(c ^ (byte + 62), FNV_PRIME);
    d = Math.imul(d ^ (byte + 93), FNV_PRIME);
  }
  return hex(a) + hex(b) + hex(c) + hex(d);
}
