import { describePlatformCases } from './support/platform-cases.js';
import { honoOnNode } from './support/platforms.js';

describePlatformCases(honoOnNode);
