import { defineConfig } from 'vitest/config';
import { vitestConfig } from '../../vitest.shared.js';

// Server processes start and stream slower on a busy machine; a stuck test still ends.
export default defineConfig(vitestConfig({ testTimeout: 45_000 }));
