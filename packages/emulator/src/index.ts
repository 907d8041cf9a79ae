export { DEFAULT_MODELS, type Emulator, type EmulatorOptions, startEmulator } from './emulator.js';
export type { RecordedRequest } from './request-log.js';
export { SCENARIO_NAMES, type ScenarioName } from './scenarios.js';
