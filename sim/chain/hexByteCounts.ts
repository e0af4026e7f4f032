/** Length and zero-byte count of a 0x-prefixed hex string's bytes. */
export function hexByteCounts({ hex }: { hex: string }): { bytes: number; zeroBytes: number } {
  const bytes = (hex.length - 2) >> 1;
  let zeroBytes = 0;
  for (let i = 2; i + 1 < hex.length; i += 2) if (hex.charCodeAt(i) === 48 && hex.charCodeAt(i + 1) === 48) zeroBytes += 1;
  return { bytes, zeroBytes };
}
