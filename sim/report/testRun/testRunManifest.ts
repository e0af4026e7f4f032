import { sha256 } from './testRunConstants.ts';

/** manifest.json of the test run: made-up but well-formed provenance (scenario, datasets, a contract, tools, chain). */
export function testRunManifest(scenarioSha256: string) {
  return {
    scenario: { path: 'scenarios/synthetic-test.yaml', sha256: scenarioSha256 },
    datasets: [
      { name: 'gefcom2012', files: [{ path: 'gefcom2012_load/Load_history.csv', sha256: sha256('gefcom') }] },
      { name: 'synthetic_weather', files: [{ path: 'synthetic/weather.csv', sha256: sha256('weather') }] },
    ],
    contracts: [{ name: 'ReductionRequests', address: `0x${sha256('rr').slice(0, 40)}`, bytecodeSha256: sha256('rr-code') }],
    tools: { node: 'v20.0.0', peaklab: '0.1.0', anvil: '1.7.1', forge: '1.7.1', solc: '0.8.28' },
    chain: { chainId: 31337, hardfork: 'cancun', rpc: 'embedded' },
  };
}
