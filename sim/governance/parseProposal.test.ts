import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InvalidScenarioError } from '../scenario/index.ts';
import { loadProposal } from './loadProposal.ts';
import { parseProposal } from './parseProposal.ts';

const issuesOf = (text: string) => {
  try {
    parseProposal({ text, file: 'p.yaml' });
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidScenarioError);
    return (error as InvalidScenarioError).issues.map((i) => `${i.line} ${i.path}: ${i.message}`);
  }
  throw new Error('expected the proposal to be invalid');
};

describe('parseProposal', () => {
  it('reads title, description, changes with their kind, normalised value and line, and the default electorate', () => {
    const p = parseProposal({
      file: 'p.yaml',
      text: [
        'title: Two changes',
        'description: >-',
        '  Why.',
        'changes:',
        '  - parameter: ReductionRequests.event.baselineMethodId',
        '    value: 6',
        '  - parameter: UtilityRegistry.minBond',
        '    value: "2000000000000000000000"',
        '  - parameter: ReductionRequests.event.rate.pUSD',
        '    value: 0.4',
        '',
      ].join('\n'),
    });
    expect(p.title).toBe('Two changes');
    expect(p.description).toBe('Why.');
    expect(p.changes).toEqual([
      { parameter: 'ReductionRequests.event.baselineMethodId', kind: 'event-term', value: 'nyiso-average-day', line: 5 },
      { parameter: 'UtilityRegistry.minBond', kind: 'governed', value: 2000n * 10n ** 18n, line: 7 },
      { parameter: 'ReductionRequests.event.rate.pUSD', kind: 'event-term', value: '0.4', line: 9 },
    ]);
    expect(p.electorate).toEqual({ holders: 20, supply: 1_000_000, stakeSpread: 1, turnout: 0.7, abstain: 0.05, support: 0.8 });
    expect(p.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names an unknown parameter with a suggestion, and wrong types and ranges, each with its line', () => {
    const issues = issuesOf(
      [
        'title: Broken',
        'changes:',
        '  - parameter: IncentiveDistributor.minComplianceBsp',
        '    value: 6000',
        '  - parameter: ReductionRequests.tiers.tier2.incentiveMultiplierBps',
        '    value: "high"',
        '  - parameter: IncentiveDistributor.disputeWindow',
        '    value: 60',
        '  - parameter: ReductionRequests.event.baselineMethodId',
        '    value: made-up-baseline',
        '  - parameter: IncentiveDistributor.priceCurve',
        '    value: [{ stressBps: 9000, factorBps: 10000 }, { stressBps: 8000, factorBps: 12000 }]',
        'electorate:',
        '  turnout: 1.5',
        '',
      ].join('\n'),
    );
    expect(issues).toEqual([
      '3 changes[0].parameter: expected a known parameter (docs/compare.md lists them), found unknown parameter "IncentiveDistributor.minComplianceBsp" (did you mean "IncentiveDistributor.minComplianceBps"?)',
      '6 changes[1].value: expected a whole number of basis points in [1, 60000], found "high"',
      '8 changes[2].value: expected a whole number of seconds in [3600, 2592000], found 60',
      expect.stringMatching(/^10 changes\[3\]\.value: expected a baseline method of sim\/baseline BASELINE_METHODS \(1=caiso-10-in-10, .*\), found "made-up-baseline"/),
      expect.stringMatching(/^12 changes\[4\]\.value\[1\]\.stressBps: expected a stressBps above the previous breakpoint's \(9000\)/),
      '14 electorate.turnout: expected a probability in [0, 1], found 1.5',
    ]);
  });

  it('wants a title and at least one change, each parameter once, and no unknown keys', () => {
    expect(issuesOf('description: none\nchanges: []\n')).toEqual([
      '1 title: missing required field (expected a one-line title)',
      '2 changes: expected at least one change, found none',
    ]);
    const twice = issuesOf(
      ['title: Twice', 'changes:', '  - parameter: LoadForecast.accuracyAlphaBps', '    value: 100', '  - parameter: LoadForecast.accuracyAlphaBps', '    value: 200', '    why: because', ''].join('\n'),
    );
    expect(twice).toEqual([
      '5 changes[1].parameter: expected each parameter once; changes[0] already sets LoadForecast.accuracyAlphaBps, found "LoadForecast.accuracyAlphaBps"',
      expect.stringMatching(/^7 changes\[1\]\.why: unknown key "why"; expected one of parameter, value/),
    ]);
  });

  it('loads the example proposals of scenarios/', () => {
    for (const name of ['proposal-higher-rate', 'proposal-nyiso-baseline']) {
      const path = `scenarios/${name}.yaml`;
      const p = loadProposal({ path });
      expect(p.changes.length).toBeGreaterThan(0);
      expect(readFileSync(path, 'utf8')).toContain(p.title);
    }
  });
});
