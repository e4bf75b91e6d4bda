/** Deterministic PISAD mission simulator: pure TypeScript, no Node APIs. */
export { simulateMission } from './mission';
export type { SimulateOptions, SimulationResult } from './mission';
export { SCENARIOS, isScenario, buildScenario } from './scenarios';
export type { ScenarioName, ScenarioConfig } from './scenarios';
export { expandingSquare, spiral, lawnmower, buildPattern, pathLengthM } from './patterns';
export type { Pattern, PatternSpec, PatternType } from './patterns';
export { Rng } from './rng';
export { pyIsoNaive, pyIsoUtc } from './ws';
export type { WsMessage } from './ws';
export { flyLeg } from './leg';
export type { FlyLegOptions, LegSample } from './leg';
