import { describePlatformCases } from './support/platform-cases.js';
import { directCalls } from './support/platforms.js';

describePlatformCases(directCalls);
