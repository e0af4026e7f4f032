import { describe, expect, it } from 'vitest';
import { TxRevertError } from '../chain/index.ts';
import { ChainError } from '../errors.ts';
import { applyProposal, proposalDescription } from './applyProposal.ts';
import { governorFlow } from './governorFlow.ts';
import { parseProposal } from './parseProposal.ts';
import { proposalActions } from './proposalActions.ts';
import { simulateElectorate } from './simulateElectorate.ts';
import { withDeployedSystem } from './testSupport.ts';

const DAY = 86_400n;

const proposalOf = (changes: string, electorate = '', title = 'Test proposal') =>
  parseProposal({
    file: 'test-proposal.yaml',
    text: `title: ${title}\ndescription: A change for the test.\nchanges:\n${changes}${electorate}`,
  });

describe('applyProposal on the real PeaklabGovernor', () => {
  it('takes a change through propose → vote → queue → execute and reads the new values back', async () => {
    await withDeployedSystem(11, async ({ engine, system, deployer }) => {
      const proposal = proposalOf(
        [
          '  - parameter: ReductionRequests.tiers.tier2.incentiveMultiplierBps',
          '    value: 17500',
          '  - parameter: IncentiveDistributor.minComplianceBps',
          '    value: 6000',
          '  - parameter: IncentiveDistributor.priceCurve',
          '    value: [{ stressBps: 0, factorBps: 10000 }, { stressBps: 10000, factorBps: 15000 }]',
          '',
        ].join('\n'),
      );
      const { voters } = simulateElectorate({ seed: 11, electorate: proposal.electorate, subject: proposal.title });
      const c = system.contracts;
      const before = await c.reductionRequests.read.tierParams([2]);
      expect(before.incentiveMultiplierBps).toBe(12_500);
      const last = (await engine.client.getBlock()).timestamp;

      const result = await applyProposal({ engine, system, proposal, voters, minter: deployer, clock: { timestamp: last + 12n } });

      expect(result.status).toBe('executed');
      expect(result.state).toBe('Executed');
      expect(await c.governor.read.state([result.proposalId])).toBe(7);
      // the new values are on-chain, the fields the proposal left alone are not touched
      const after = await c.reductionRequests.read.tierParams([2]);
      expect(after).toEqual({ ...before, incentiveMultiplierBps: 17_500 });
      expect(await c.incentiveDistributor.read.minComplianceBps()).toBe(6000);
      expect(await c.incentiveDistributor.read.bonusSlopeBps()).toBe(5000);
      expect(await c.incentiveDistributor.read.priceCurve()).toEqual([
        [0n, 10_000n],
        [10_000n, 15_000n],
      ]);
      expect(result.readBack.map((r) => [r.parameter, r.actual])).toEqual([
        ['ReductionRequests.tiers.tier2.incentiveMultiplierBps', '17500'],
        ['IncentiveDistributor.minComplianceBps', '6000'],
        ['IncentiveDistributor.priceCurve', '[{"stressBps":0,"factorBps":10000},{"stressBps":10000,"factorBps":15000}]'],
      ]);
      // timestamps follow the Governor's clock: voting after the 1-day delay, 5 days of voting, 2-day timelock
      const t = result.timeline;
      expect(t.snapshot).toBe(t.proposed + DAY);
      expect(t.deadline).toBe(t.snapshot + 5n * DAY);
      expect(t.eta).toBe((t.queued ?? 0n) + 2n * DAY);
      expect(t.executed).toBe(t.eta);
      expect(result.endTimestamp).toBe(t.executed);
      expect(result.tally.forVotes).toBeGreaterThan(result.tally.againstVotes);
      expect(result.tally.forVotes + result.tally.abstainVotes).toBeGreaterThanOrEqual(result.tally.quorum);
      // every governance transaction is in the gas ledger
      const keys = new Set(engine.ledger.entries().map((e) => `${e.contract}.${e.function}`));
      for (const key of ['PeaklabGovToken.mint', 'PeaklabGovToken.delegate', 'PeaklabGovernor.propose', 'PeaklabGovernor.castVote', 'PeaklabGovernor.queue', 'PeaklabGovernor.execute']) {
        expect(keys).toContain(key);
      }
      const governanceGas = engine.ledger
        .entries()
        .filter((e) => e.timestamp >= (t.seated ?? t.proposed))
        .reduce((s, e) => s + e.gasUsed, 0n);
      expect(result.gasUsed).toBe(governanceGas);
      expect(result.turnout.voted).toBe(voters.filter((v) => v.choice !== 'absent').length);
    });
  }, 120_000);

  it('reverts with the timelock error when executed before the delay, and executes at the eta', async () => {
    await withDeployedSystem(12, async ({ engine, system, deployer }) => {
      const proposal = proposalOf('  - parameter: IncentiveDistributor.disputeWindow\n    value: 7200\n');
      const { voters } = simulateElectorate({ seed: 12, electorate: { ...proposal.electorate, support: 1, turnout: 1 }, subject: proposal.title });
      const flow = governorFlow({ engine, system });
      const { actions } = await proposalActions({ system, proposal });
      const core = { actions, description: proposalDescription(proposal) };
      const start = (await engine.client.getBlock()).timestamp + 12n;
      await flow.seat({ voters, minter: deployer, timestamp: start });
      const proposer = voters[0].account;
      const { proposalId, snapshot, deadline } = await flow.propose({ core, proposer, timestamp: start + 12n });
      expect(await flow.proposalId(core)).toBe(proposalId);
      // voting before the snapshot has passed is refused by the Governor
      await expect(flow.vote({ proposalId, voters, timestamp: start + 24n })).rejects.toMatchObject({ errorName: 'GovernorUnexpectedProposalState' });
      await flow.vote({ proposalId, voters, timestamp: BigInt(snapshot) + 1n });
      expect((await flow.tally({ proposalId, timestamp: BigInt(deadline) + 1n })).state).toBe('Succeeded');
      const queued = BigInt(deadline) + 13n;
      const eta = await flow.queue({ core, account: proposer, timestamp: queued });
      expect(eta).toBe(queued + 2n * DAY);

      const early = flow.execute({ core, account: proposer, timestamp: eta - 1n });
      await expect(early).rejects.toBeInstanceOf(TxRevertError);
      await expect(early).rejects.toMatchObject({ errorName: 'TimelockUnexpectedOperationState' });
      expect(await system.contracts.incentiveDistributor.read.disputeWindow()).toBe(2n * DAY);
      const reverted = engine.ledger.entries().filter((e) => e.status === 'reverted').map((e) => `${e.contract}.${e.function}`);
      expect(reverted).toContain('PeaklabGovernor.execute');

      expect(await flow.execute({ core, account: proposer, timestamp: eta })).toBe('Executed');
      expect(await system.contracts.incentiveDistributor.read.disputeWindow()).toBe(7200n);
    });
  }, 120_000);

  it('does not apply a defeated proposal (majority against) nor one that misses quorum', async () => {
    await withDeployedSystem(13, async ({ engine, system, deployer }) => {
      const against = proposalOf('  - parameter: UtilityRegistry.requiredApprovals\n    value: 3\n', 'electorate: { turnout: 1, support: 0, abstain: 0 }\n');
      const { voters } = simulateElectorate({ seed: 13, electorate: against.electorate, subject: against.title });
      expect(voters.every((v) => v.choice === 'against')).toBe(true);
      const start = (await engine.client.getBlock()).timestamp + 12n;
      const defeated = await applyProposal({ engine, system, proposal: against, voters, minter: deployer, clock: { timestamp: start } });
      expect(defeated.status).toBe('defeated');
      expect(defeated.state).toBe('Defeated');
      expect(defeated.tally.forVotes).toBe(0n);
      expect(defeated.readBack).toEqual([]);
      expect(defeated.timeline.queued).toBeNull();
      expect((await system.contracts.utilityRegistry.read.config()).requiredApprovals).toBe(2);
      const keys = engine.ledger.entries().map((e) => `${e.contract}.${e.function}`);
      expect(keys).not.toContain('PeaklabGovernor.queue');

      // all for, but a single small holder votes: below the 4 % quorum
      const quiet = proposalOf('  - parameter: UtilityRegistry.requiredApprovals\n    value: 3\n', 'electorate: { turnout: 1, support: 1, abstain: 0 }\n', 'The same change, voted again');
      const electorate = simulateElectorate({ seed: 13, electorate: quiet.electorate, subject: quiet.title }).voters;
      const smallest = [...electorate].sort((a, b) => (a.stake < b.stake ? -1 : 1))[0];
      const onlyOne = electorate.map((v) => (v.id === smallest.id ? v : { ...v, choice: 'absent' as const }));
      const noQuorum = await applyProposal({ engine, system, proposal: quiet, voters: onlyOne, minter: deployer, clock: { timestamp: defeated.endTimestamp + 12n } });
      expect(noQuorum.status).toBe('defeated');
      expect(noQuorum.tally.forVotes).toBe(smallest.stake);
      expect(noQuorum.tally.forVotes).toBeLessThan(noQuorum.tally.quorum);
      expect((await system.contracts.utilityRegistry.read.config()).requiredApprovals).toBe(2);
    });
  }, 120_000);

  it('refuses, before any vote, a change the contract would reject; a scenario-only proposal executes a signal action', async () => {
    await withDeployedSystem(14, async ({ engine, system, deployer }) => {
      const tooMany = proposalOf('  - parameter: UtilityRegistry.requiredApprovals\n    value: 4\n');
      const { voters } = simulateElectorate({ seed: 14, electorate: tooMany.electorate, subject: tooMany.title });
      const start = (await engine.client.getBlock()).timestamp + 12n;
      const refused = applyProposal({ engine, system, proposal: tooMany, voters, minter: deployer, clock: { timestamp: start } });
      await expect(refused).rejects.toBeInstanceOf(ChainError);
      await expect(refused).rejects.toThrow(/RequiredApprovalsOutOfRange\(4, 3\)/);
      expect(engine.ledger.entries().some((e) => e.contract === 'PeaklabGovernor' && e.function === 'propose')).toBe(false);

      const baseline = proposalOf('  - parameter: ReductionRequests.event.baselineMethodId\n    value: nyiso-average-day\n');
      const result = await applyProposal({ engine, system, proposal: baseline, voters, minter: deployer, clock: { timestamp: start } });
      expect(result.signalOnly).toBe(true);
      expect(result.status).toBe('executed');
      expect(result.actions.map((a) => a.label)).toEqual(['PeaklabGovernor.name() (signal: changes nothing on-chain)']);
      expect(result.readBack).toEqual([]);
    });
  }, 120_000);
});
