import type { TelemetryHistogram, TelemetryMeter } from './otel-types.js';

// Bucket boundaries the GenAI semantic conventions advise.
const TOKEN_BUCKETS = [
  1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864,
];
const SECONDS_BUCKETS = [
  0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92,
];

/** The GenAI client metrics a call records. */
export interface GenAiClientMetrics {
  /** `gen_ai.client.token.usage`: tokens, by `gen_ai.token.type` (`input` or `output`). */
  readonly tokenUsage: TelemetryHistogram;
  /** `gen_ai.client.operation.duration`: seconds from the call to its answer's end. */
  readonly duration: TelemetryHistogram;
  /** `gen_ai.client.operation.time_to_first_chunk`: seconds to a stream's first chunk. */
  readonly timeToFirstChunk: TelemetryHistogram;
}

/** Creates the GenAI client instruments on a meter. */
export function createGenAiClientMetrics(meter: TelemetryMeter): GenAiClientMetrics {
  return {
    tokenUsage: meter.createHistogram('gen_ai.client.token.usage', {
      description: 'Number of input and output tokens used.',
      unit: '{token}',
      advice: { explicitBucketBoundaries: TOKEN_BUCKETS },
    }),
    duration: meter.createHistogram('gen_ai.client.operation.duration', {
      description: 'GenAI operation duration.',
      unit: 's',
      advice: { explicitBucketBoundaries: SECONDS_BUCKETS },
    }),
    timeToFirstChunk: meter.createHistogram('gen_ai.client.operation.time_to_first_chunk', {
      description: 'Time to receive the first chunk of a streamed answer.',
      unit: 's',
      advice: { explicitBucketBoundaries: SECONDS_BUCKETS },
    }),
  };
}
