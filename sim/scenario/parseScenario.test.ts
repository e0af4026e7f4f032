import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../errors.ts';
import { InvalidScenarioError, type ScenarioIssue } from './invalidScenarioError.ts';
import { parseScenario } from './parseScenario.ts';

/** The issues parseScenario reports for `text` (fails the test if it parses). */
function issuesOf(text: string): ScenarioIssue[] {
  try {
    parseScenario({ text, file: 'bad.yaml' });
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidScenarioError);
    expect(error).toBeInstanceOf(ScenarioError);
    return [...(error as InvalidScenarioError).issues];
  }
  throw new Error('expected the scenario to be rejected');
}

const MINIMAL = `name: minimal
period:
  start: 2007-07-01
  end: 2007-07-31
`;

describe('parseScenario: valid files', () => {
  it('fills every default from a minimal file and hashes the text', () => {
    const { scenario, sha256 } = parseScenario({ text: MINIMAL, file: 'minimal.yaml' });
    expect(sha256).toBe(createHash('sha256').update(MINIMAL).digest('hex'));
    expect(scenario.seed).toBe(1);
    expect(scenario.period).toEqual({ start: '2007-07-01', end: '2007-07-31', interval: '1h', timezone: 'America/New_York' });
    expect(scenario.data).toMatchObject({
      system: 'gefcom2012',
      residential: 'citylearn_2022_fontana',
      commercial: 'cambridge_estates_buildings',
      prices: 'pjm_comed_dayahead_price_epftoolbox',
    });
    expect(scenario.data.dataRoot).toBeUndefined();
    const shares = Object.values(scenario.population.archetypes).map((a) => a?.share ?? 0);
    expect(shares.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
    expect(scenario.population.archetypes.industrial?.meterFaults.tamper).toBeGreaterThan(0);
    expect(scenario.utilities.approvals).toEqual({ required: 2, of: 3 });
    expect(scenario.program.tiers.emergency.optOutAllowed).toBe(false);
    expect(scenario.program.rates).toEqual({ pUSD: '0.25' });
    expect(scenario.chain).toMatchObject({ mode: 'embedded', hardfork: 'cancun' });
    expect(scenario.outputs).toEqual({ dir: 'reports', formats: ['json', 'csv', 'html'], report: true });
  });

  it('keeps listed archetypes only, applies per-archetype defaults under overrides', () => {
    const { scenario } = parseScenario({
      text: `${MINIMAL}population:
  archetypes:
    residential_ac: { share: 0.7, flexibleShare: 0.5 }
    industrial: { share: 0.3 }
`,
      file: 'x.yaml',
    });
    expect(Object.keys(scenario.population.archetypes)).toEqual(['residential_ac', 'industrial']);
    expect(scenario.population.archetypes.residential_ac?.flexibleShare).toBe(0.5);
    expect(scenario.population.archetypes.residential_ac?.loadShape).toEqual({ source: 'residential', meanKw: 1.3 });
    expect(scenario.population.archetypes.industrial?.loadShape).toEqual({ source: 'commercial', meanKw: 400 });
  });

  it('accepts shares that sum to 1 only up to binary rounding (0.1 + 0.2 + 0.7)', () => {
    const text = `${MINIMAL}population:
  archetypes:
    residential_ac: { share: 0.1 }
    residential_ev: { share: 0.2 }
    small_commercial: { share: 0.7 }
`;
    expect(() => parseScenario({ text, file: 'x.yaml' })).not.toThrow();
  });

  it('reads token amounts written as numbers or strings as exact decimal strings', () => {
    const { scenario } = parseScenario({
      text: `${MINIMAL}program:
  rates: { pUSD: 0.1, GRID: "2.000000000000000001" }
  claims: { minAmount: 1e-7 }
utilities:
  bond: { amount: "1000000000000000000000" }
`,
      file: 'x.yaml',
    });
    expect(scenario.program.rates).toEqual({ pUSD: '0.1', GRID: '2.000000000000000001' });
    expect(scenario.program.claims.minAmount).toBe('0.0000001');
    expect(scenario.utilities.bond.amount).toBe('1000000000000000000000');
  });

  it('lists archetypes (and every section) in schema order, whatever the file order', () => {
    const { scenario } = parseScenario({
      text: `population:
  archetypes:
    industrial: { share: 0.5 }
    residential_ac: { share: 0.5 }
period: { end: 2007-07-02, start: 2007-07-01 }
name: reordered
`,
      file: 'x.yaml',
    });
    expect(Object.keys(scenario.population.archetypes)).toEqual(['residential_ac', 'industrial']);
    expect(Object.keys(scenario).slice(0, 4)).toEqual(['name', 'description', 'seed', 'period']);
    expect(Object.keys(scenario.period)).toEqual(['start', 'end', 'interval', 'timezone']);
  });
});

describe('parseScenario: malformed files name the path, the line and what was expected / found', () => {
  it('bad YAML syntax: reports the line of the syntax error', () => {
    expect(
      issuesOf(`name: x
period:
  start: 2007-07-01
  end 2007-07-31
outputs:
  dir: reports
`),
    ).toEqual([{ path: 'period', line: 4, column: 3, message: 'YAML syntax: Implicit map keys need to be followed by map values' }]);
    expect(issuesOf('name: x\nperiod:\n  start: 2007-07-01\n\tend: 2007-07-31\n')).toEqual([
      { path: 'period.start', line: 4, column: 1, message: 'YAML syntax: Tabs are not allowed as indentation' },
    ]);
  });

  it('a duplicate key is a syntax error at the second occurrence', () => {
    expect(issuesOf(`name: x\nseed: 1\nseed: 2\nperiod: { start: 2007-07-01, end: 2007-07-02 }\n`)).toEqual([
      { path: 'seed', line: 3, column: 1, message: 'YAML syntax: Map keys must be unique' },
    ]);
  });

  it('unknown key: names it, lists the allowed keys and suggests the closest', () => {
    expect(
      issuesOf(`${MINIMAL}population:
  cuont: 100
`),
    ).toEqual([
      {
        path: 'population.cuont',
        line: 6,
        column: 3,
        message: 'unknown key "cuont"; expected one of count, archetypes (did you mean "count"?)',
      },
    ]);
  });

  it('wrong type: expected a number, found a string', () => {
    expect(
      issuesOf(`${MINIMAL}population:
  count: lots
`),
    ).toEqual([
      { path: 'population.count', line: 6, column: 3, message: 'expected a whole number in [1, 10000000], found "lots"' },
    ]);
  });

  it('missing required field: points at the enclosing key', () => {
    expect(
      issuesOf(`name: x
seed: 3
period:
  end: 2007-07-31
`),
    ).toEqual([
      {
        path: 'period.start',
        line: 3,
        column: 1,
        message: 'missing required field (expected a calendar date YYYY-MM-DD that exists)',
      },
    ]);
    const noPeriod = issuesOf('name: x\n');
    expect(noPeriod).toHaveLength(1);
    expect(noPeriod[0]).toMatchObject({ path: 'period', line: 1, message: expect.stringMatching(/^missing required field/) });
  });

  it('shares not summing to 1: names the archetypes and the sum', () => {
    expect(
      issuesOf(`${MINIMAL}population:
  archetypes:
    residential_ac:
      share: 0.6
    industrial:
      share: 0.3
`),
    ).toEqual([
      {
        path: 'population.archetypes',
        line: 6,
        column: 3,
        message: 'expected the archetype shares to sum to 1, found 0.9 (residential_ac 0.6 + industrial 0.3)',
      },
    ]);
  });

  it('M > N: approvals.required above approvals.of', () => {
    expect(
      issuesOf(`${MINIMAL}utilities:
  regulators: 5
  approvals:
    required: 4
    of: 3
`),
    ).toEqual([
      {
        path: 'utilities.approvals.required',
        line: 8,
        column: 5,
        message: 'expected at most approvals.of (3): M-of-N approval needs M ≤ N, found 4',
      },
    ]);
  });

  it('N above the number of regulators', () => {
    expect(issuesOf(`${MINIMAL}utilities:\n  regulators: 2\n  approvals: { required: 2, of: 3 }\n`)).toEqual([
      { path: 'utilities.approvals.of', line: 7, column: 29, message: 'expected at most regulators (2): the N voters are regulators, found 3' },
    ]);
  });

  it('a cross-field check failing on a default says so', () => {
    expect(issuesOf(`${MINIMAL}utilities:\n  regulators: 1\n`)).toEqual([
      {
        path: 'utilities.approvals.of',
        line: 5,
        column: 1,
        message:
          'expected at most regulators (1): the N voters are regulators, found 3 (this is the default; set utilities.approvals.of explicitly)',
      },
    ]);
  });

  it('chain.rpcUrl must be an http(s) or ws(s) URL', () => {
    const { scenario } = parseScenario({ text: `${MINIMAL}chain: { mode: rpc, rpcUrl: "http://127.0.0.1:8545" }\n`, file: 'x.yaml' });
    expect(scenario.chain.rpcUrl).toBe('http://127.0.0.1:8545');
    expect(issuesOf(`${MINIMAL}chain: { mode: rpc, rpcUrl: "ftp://node" }\n`)).toEqual([
      { path: 'chain.rpcUrl', line: 5, column: 21, message: 'expected an http(s) or ws(s) URL, found "ftp://node"' },
    ]);
  });

  it('end before start', () => {
    expect(
      issuesOf(`name: x
period:
  start: 2007-07-31
  end: 2007-07-01
`),
    ).toEqual([
      { path: 'period.end', line: 4, column: 3, message: 'expected a date on or after period.start (2007-07-31), found "2007-07-01"' },
    ]);
  });

  it('a date that does not exist', () => {
    expect(issuesOf(`name: x\nperiod: { start: 2007-02-30, end: 2007-03-31 }\n`)).toEqual([
      { path: 'period.start', line: 2, column: 11, message: 'expected a calendar date YYYY-MM-DD that exists, found "2007-02-30"' },
    ]);
  });

  it('bad timezone', () => {
    expect(issuesOf(`${MINIMAL}  timezone: America/Gotham\n`)).toEqual([
      {
        path: 'period.timezone',
        line: 5,
        column: 3,
        message: 'expected an IANA time zone name such as America/New_York or UTC, found "America/Gotham"',
      },
    ]);
  });

  it('bad interval', () => {
    expect(issuesOf(`${MINIMAL}  interval: 30m\n`)).toEqual([
      { path: 'period.interval', line: 5, column: 3, message: 'expected "1h" or "15m", found "30m"' },
    ]);
  });

  it('negative count', () => {
    expect(issuesOf(`${MINIMAL}population:\n  count: -5\n`)).toEqual([
      { path: 'population.count', line: 6, column: 3, message: 'expected a whole number in [1, 10000000], found -5' },
    ]);
  });

  it('out-of-range basis points', () => {
    expect(
      issuesOf(`${MINIMAL}program:
  tiers:
    tier3:
      incentiveMultiplierBps: 150000
  performance:
    minComplianceBps: 12000
`),
    ).toEqual([
      {
        path: 'program.tiers.tier3.incentiveMultiplierBps',
        line: 8,
        column: 7,
        message: 'expected whole basis points in [0, 100000] (10000 = 100 %), found 150000',
      },
      {
        path: 'program.performance.minComplianceBps',
        line: 10,
        column: 5,
        message: 'expected whole basis points in [0, 10000] (10000 = 100 %), found 12000',
      },
    ]);
  });

  it('unknown archetype: lists the known ones', () => {
    expect(
      issuesOf(`${MINIMAL}population:
  archetypes:
    residential_ac: { share: 0.9 }
    datacenter: { share: 0.1 }
`),
    ).toEqual([
      {
        path: 'population.archetypes.datacenter',
        line: 8,
        column: 5,
        message: 'unknown key "datacenter"; expected one of residential_ac, residential_ev, small_commercial, industrial',
      },
    ]);
  });

  it('a fault rate above 1 inside an archetype, with the exact path', () => {
    expect(
      issuesOf(`${MINIMAL}population:
  archetypes:
    industrial:
      share: 1
      meterFaults: { spike: 2 }
`),
    ).toEqual([
      { path: 'population.archetypes.industrial.meterFaults.spike', line: 9, column: 22, message: 'expected a number in [0, 1], found 2' },
    ]);
  });

  it('price-factor breakpoints out of order point at the list item', () => {
    expect(
      issuesOf(`${MINIMAL}program:
  priceFactor:
    - { stressBps: 9000, factorBps: 10000 }
    - { stressBps: 8000, factorBps: 12000 }
`),
    ).toEqual([
      {
        path: 'program.priceFactor[1].stressBps',
        line: 8,
        column: 9,
        message: "expected a stressBps above the previous breakpoint's (9000); breakpoints are sorted by strictly increasing stress, found 8000",
      },
    ]);
  });

  it('rpc mode without rpcUrl, and event notice shorter than the tier allows', () => {
    expect(issuesOf(`${MINIMAL}program:\n  events: { tier: tier1, noticeHours: 2 }\nchain:\n  mode: rpc\n`)).toEqual([
      { path: 'program.events.noticeHours', line: 6, column: 26, message: 'expected at least 24 h, the minNoticeHours of tier1, found 2' },
      { path: 'chain.rpcUrl', line: 7, column: 1, message: 'expected an rpcUrl when mode is "rpc"' },
    ]);
  });

  it('reports several problems at once, sorted by line, cross-field checks included', () => {
    const issues = issuesOf(`name: many-problems
seed: 4294967296
period:
  start: 2007-07-31
  end: 2007-07-01
  interval: 5m
population:
  count: 0
  archetypes:
    residential_ac: { share: 0.5, optOutRate: -1 }
utilities:
  approvals: { required: 5, of: 3 }
outputs:
  formats: [pdf]
  report: on
`);
    expect(issues.map((i) => [i.line, i.path])).toEqual([
      [2, 'seed'],
      [5, 'period.end'],
      [6, 'period.interval'],
      [8, 'population.count'],
      [9, 'population.archetypes'],
      [10, 'population.archetypes.residential_ac.optOutRate'],
      [12, 'utilities.approvals.required'],
      [14, 'outputs.formats[0]'],
      [15, 'outputs.report'],
    ]);
    expect(issues.at(-1)?.message).toBe('expected true or false, found "on"');
  });

  it('an empty file or a top-level list is not a scenario', () => {
    expect(issuesOf('')).toEqual([{ path: '', line: 1, column: 1, message: 'expected a mapping of sections (key: value lines), found nothing (an empty file)' }]);
    expect(issuesOf('- a\n- b\n')[0].message).toBe('expected a mapping of sections (key: value lines), found a list');
  });

  it('formats the error message as file:line:column path: message with a hint', () => {
    try {
      parseScenario({ text: `${MINIMAL}  interval: 2h\n`, file: 'scenarios/mine.yaml' });
      throw new Error('expected a rejection');
    } catch (error) {
      const e = error as InvalidScenarioError;
      expect(e.shortMessage).toBe('scenarios/mine.yaml: 1 problem in the scenario file');
      expect(e.details).toContain('scenarios/mine.yaml:5:3 period.interval: expected "1h" or "15m", found "2h"');
      expect(e.hint).toMatch(/schema\.json/);
      expect(e.message).toMatch(/Fix: /);
    }
  });
});
