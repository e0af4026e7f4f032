/**
 * A JavaScript number as the decimal the user wrote: its shortest round-trip form, without exponent notation.
 * Only tiny values (1e-7 and below) are in exponent form below 1e21; toFixed(18) gives their decimal.
 */
export function numberToDecimal(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(18).replace(/0+$/, '').replace(/\.$/, '');
}
