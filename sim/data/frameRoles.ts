import { DatasetError } from '../errors.ts';
import type { Manifest } from './manifest.ts';
import type { FrameRoles } from './types.ts';

export interface FrameRolesParameters {
  manifest: Manifest;
  /** Role → columns that declare it themselves (manifest columns and expanded ones). */
  roleColumns: Readonly<Record<string, readonly string[]>>;
  /** Names of the frame's columns. */
  columns: readonly string[];
  /** Where the manifest lives (for the error). */
  manifestPath: string;
}

/**
 * What each column means: the manifest's `roles`, completed by the roles columns declare (a single role
 * takes the first such column when `roles` names none; a list role appends those it lacks). Every role
 * must name a column of the frame.
 */
export function frameRoles({ manifest, roleColumns, columns, manifestPath }: FrameRolesParameters): FrameRoles {
  const r = manifest.roles;
  const single = (k: 'load' | 'price' | 'carbon') => r[k] ?? roleColumns[k]?.[0];
  const list = (k: 'temperature' | 'temperatureForecast' | 'consumers') => {
    const own = r[k] ?? [];
    const extra = (roleColumns[k] ?? []).filter((x) => !own.includes(x));
    const all = [...own, ...extra];
    return all.length > 0 ? all : undefined;
  };
  const roles: FrameRoles = {
    ...(single('load') ? { load: single('load') } : {}),
    ...(list('temperature') ? { temperature: list('temperature') } : {}),
    ...(list('temperatureForecast') ? { temperatureForecast: list('temperatureForecast') } : {}),
    ...(single('price') ? { price: single('price') } : {}),
    ...(single('carbon') ? { carbon: single('carbon') } : {}),
    ...(list('consumers') ? { consumers: list('consumers') } : {}),
  };
  for (const [role, cols] of Object.entries(roles)) {
    for (const c of typeof cols === 'string' ? [cols] : (cols as string[])) {
      if (!columns.includes(c)) {
        throw new DatasetError(`Role ${role} names column "${c}", which the frame does not have`, {
          details: manifestPath,
          hint: `Use one of: ${columns.slice(0, 20).join(', ')}`,
        });
      }
    }
  }
  return roles;
}
