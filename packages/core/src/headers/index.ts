export { buildPortkeyHeaders } from './build-portkey-headers.js';
export { PORTKEY_HEADER_NAMES, type PortkeyOptionName } from './header-names.js';
export { mergePortkeyOptions } from './merge-portkey-options.js';
export { MAX_METADATA_VALUE_LENGTH } from './metadata-header.js';
export type {
  PortkeyCache,
  PortkeyCondition,
  PortkeyConfig,
  PortkeyConfigObject,
  PortkeyGuardrail,
  PortkeyRetry,
  PortkeyStrategy,
  PortkeyStrategyMode,
} from './portkey-config.js';
export type { PortkeyMetadata, PortkeyOptions } from './portkey-options.js';
