import { describe, expect, it } from 'vitest';
import { hexByteCounts } from './hexByteCounts.ts';

describe('hexByteCounts', () => {
  it('counts bytes and zero bytes of a hex string', () => {
    expect(hexByteCounts({ hex: '0x' })).toEqual({ bytes: 0, zeroBytes: 0 });
    expect(hexByteCounts({ hex: '0x00ff0010a000' })).toEqual({ bytes: 6, zeroBytes: 3 });
  });
});
