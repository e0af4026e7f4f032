import { describe, expect, it } from 'vitest';
import { DatasetError } from '../errors.ts';
import { frameRoles } from './frameRoles.ts';
import { testTable } from './testTable.ts';

const { manifest } = testTable({ header: ['v'], table: { time: { start: '2020-01-01 00:00' } } });

describe('frameRoles', () => {
  it("completes the manifest's roles with the roles columns declare", () => {
    const m = { ...manifest, roles: { load: 'v', consumers: ['b1'] } };
    const roles = frameRoles({ manifest: m, roleColumns: { load: ['other'], consumers: ['b1', 'b2'], price: ['p'] }, columns: ['v', 'other', 'b1', 'b2', 'p'], manifestPath: 'm.yaml' });
    expect(roles).toEqual({ load: 'v', consumers: ['b1', 'b2'], price: 'p' });
  });

  it('rejects a role naming a column the frame does not have', () => {
    const m = { ...manifest, roles: { temperature: ['T9'] } };
    expect(() => frameRoles({ manifest: m, roleColumns: {}, columns: ['v'], manifestPath: 'm.yaml' })).toThrow(DatasetError);
    expect(() => frameRoles({ manifest: m, roleColumns: {}, columns: ['v'], manifestPath: 'm.yaml' })).toThrow(/Role temperature names column "T9"/);
  });
});
