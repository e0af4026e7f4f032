import type { BaselineMethodSpec } from './baselineMethodSpec.ts';

/** Days of history a spec needs before its first event. */
export function lookbackDaysOf(spec: BaselineMethodSpec): number {
  switch (spec.kind) {
    case 'XofY':
    case 'matchDay':
    case 'rolling':
      return spec.lookbackDays;
    case 'regression':
      return spec.trainingDays;
    case 'sameDay':
      return 1;
  }
}
