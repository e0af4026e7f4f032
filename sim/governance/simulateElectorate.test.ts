import { describe, expect, it } from 'vitest';
import { electorateSchema } from './proposalSchema.ts';
import { simulateElectorate } from './simulateElectorate.ts';

const electorate = electorateSchema.parse({ holders: 50, supply: 1000 });

describe('simulateElectorate', () => {
  it('splits the supply exactly, the same for every proposal of a seed, with seeded votes per proposal', () => {
    const a = simulateElectorate({ seed: 7, electorate, subject: 'proposal A' });
    const b = simulateElectorate({ seed: 7, electorate, subject: 'proposal B' });
    expect(a.supply).toBe(1000n * 10n ** 18n);
    expect(a.voters.reduce((s, v) => s + v.stake, 0n)).toBe(a.supply);
    expect(a.voters.map((v) => v.stake)).toEqual(b.voters.map((v) => v.stake));
    expect(a.voters.map((v) => v.account.address)).toEqual(b.voters.map((v) => v.account.address));
    expect(a.voters.map((v) => v.choice)).not.toEqual(b.voters.map((v) => v.choice));
    expect(simulateElectorate({ seed: 7, electorate, subject: 'proposal A' }).voters.map((v) => v.choice)).toEqual(a.voters.map((v) => v.choice));
    expect(simulateElectorate({ seed: 8, electorate, subject: 'proposal A' }).voters.map((v) => v.stake)).not.toEqual(a.voters.map((v) => v.stake));
  });

  it('follows turnout, abstain and support, and equal stakes without spread', () => {
    const many = electorateSchema.parse({ holders: 1000, supply: 1000, turnout: 0.5, abstain: 0.2, support: 0.75, stakeSpread: 0 });
    const { voters } = simulateElectorate({ seed: 1, electorate: many, subject: 's' });
    const count = (c: string) => voters.filter((v) => v.choice === c).length;
    expect(count('absent') / 1000).toBeCloseTo(0.5, 1);
    expect(count('abstain') / 500).toBeCloseTo(0.2, 1);
    expect(count('for') / (count('for') + count('against'))).toBeCloseTo(0.75, 1);
    expect(new Set(voters.slice(1).map((v) => v.stake)).size).toBe(1);
    const unanimous = simulateElectorate({ seed: 1, electorate: { ...many, turnout: 1, abstain: 0, support: 1 }, subject: 's' });
    expect(unanimous.voters.every((v) => v.choice === 'for')).toBe(true);
  });
});
