/**
 * sim/scenario — the scenario file: parse YAML, validate with zod (every problem at once, with YAML path
 * and line), fill defaults, and export the JSON Schema editors complete scenarios with.
 */
export { ARCHETYPE_DEFAULTS, ARCHETYPES, METER_FAULTS, type Archetype, type ArchetypeName, type MeterFaultKind } from './archetypeSchema.ts';
export { HARDFORKS, type ChainSettings } from './chainSchema.ts';
export { closestName, type ClosestNameParameters } from './closestName.ts';
export { type CostEffectivenessSettings, FEE_MODELS, type FeeModelName, PJM_2025_26_RTO_USD_PER_KW_YEAR } from './costEffectivenessSchema.ts';
export type { ScenarioData } from './dataSchema.ts';
export type { ForecastSettings } from './forecastSchema.ts';
export { increasingStress } from './increasingStress.ts';
export { InvalidScenarioError, type ScenarioIssue } from './invalidScenarioError.ts';
export { loadScenario, type LoadScenarioParameters, type LoadScenarioResult } from './loadScenario.ts';
export { numberToDecimal } from './numberToDecimal.ts';
export { OUTPUT_FORMATS, type Outputs } from './outputsSchema.ts';
export { parseScenario, type ParseScenarioParameters, type ParseScenarioResult } from './parseScenario.ts';
export type { Period } from './periodSchema.ts';
export { SHARE_TOLERANCE, type Population } from './populationSchema.ts';
export { MAX_FACTOR_BPS, TIERS, type Program, type TierName } from './programSchema.ts';
export { scenarioJsonSchema, type ScenarioJsonSchemaResult } from './scenarioJsonSchema.ts';
export { REFERENCE_END, REFERENCE_START, scenarioReference, type ScenarioReferenceResult } from './scenarioReference.ts';
export { scenarioSchema, type Scenario, type ScenarioInput } from './scenarioSchema.ts';
export { TOKEN_DECIMALS, TOKENS, type TokenSymbol } from './tokens.ts';
export type { Utilities } from './utilitiesSchema.ts';
export { validateYaml, type ValidateYamlParameters, type ValidateYamlResult } from './validateYaml.ts';
