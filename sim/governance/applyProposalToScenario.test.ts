import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../errors.ts';
import { loadScenario } from '../scenario/index.ts';
import { applyProposalToScenario } from './applyProposalToScenario.ts';
import { parseProposal } from './parseProposal.ts';

const { scenario } = loadScenario({ path: 'scenarios/quickstart.yaml' });
const proposal = (changes: string) => parseProposal({ file: 'p.yaml', text: `title: T\nchanges:\n${changes}` });

describe('applyProposalToScenario', () => {
  it('sets event terms and scenario rules, mirrors governed values the scenario describes, and leaves the input alone', () => {
    const p = proposal(
      [
        '  - parameter: ReductionRequests.event.baselineMethodId',
        '    value: nyiso-average-day',
        '  - parameter: ReductionRequests.event.rate.pUSD',
        '    value: 0.4',
        '  - parameter: ReductionRequests.tiers.tier2.incentiveMultiplierBps',
        '    value: 17500',
        '  - parameter: ReductionRequests.tiers.tier2.minNotice',
        '    value: 7200',
        '  - parameter: IncentiveDistributor.disputeWindow',
        '    value: 86400',
        '  - parameter: program.events.maxPerSeason',
        '    value: 8',
        '  - parameter: LoadForecast.accuracyAlphaBps',
        '    value: 500',
        '',
      ].join('\n'),
    );
    const { scenario: next, edits, onChainOnly } = applyProposalToScenario({ scenario, proposal: p });
    expect(next.program.baseline).toBe('nyiso-average-day');
    expect(next.program.rates.pUSD).toBe('0.4');
    expect(next.program.tiers.tier2).toEqual({ ...scenario.program.tiers.tier2, incentiveMultiplierBps: 17_500, minNoticeHours: 2 });
    expect(next.program.settlement.disputeWindowHours).toBe(24);
    expect(next.program.events.maxPerSeason).toBe(8);
    expect(onChainOnly).toEqual(['LoadForecast.accuracyAlphaBps']);
    expect(edits.map((e) => [e.path, e.from, e.to])).toEqual([
      ['program.baseline', 'caiso-10-in-10', 'nyiso-average-day'],
      ['program.rates.pUSD', '0.25', '0.4'],
      ['program.tiers.tier2.incentiveMultiplierBps', 15_000, 17_500],
      ['program.tiers.tier2.minNoticeHours', 4, 2],
      ['program.settlement.disputeWindowHours', 48, 24],
      ['program.events.maxPerSeason', 5, 8],
    ]);
    expect(scenario.program.baseline).toBe('caiso-10-in-10');
  });

  it('refuses a change that breaks the scenario, naming the proposal line', () => {
    const p = proposal('  - parameter: title\n    value: 1\n'.replace('title', 'ReductionRequests.tiers.tier2.maxDuration').replace('value: 1', 'value: 7200'));
    expect(() => applyProposalToScenario({ scenario, proposal: p })).toThrow(ScenarioError);
    expect(() => applyProposalToScenario({ scenario, proposal: p })).toThrow(/p\.yaml:3 ReductionRequests\.tiers\.tier2\.maxDuration: scenario program\.events\.durationHours: expected at most 2 h/);
  });
});
