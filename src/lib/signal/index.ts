/** The Pi's signal chain and gradient fit: pure TypeScript, browser-safe. */
export { PiSignalChain, confidenceFromSnr } from './chain';
export type { PiSignalConfig, PiSignalOutput } from './chain';
export { RollingPercentile, RollingP10 } from './rolling-percentile';
export { planeFitGradient } from './gradient';
export type { GradientFit, GradientSample } from './gradient';
