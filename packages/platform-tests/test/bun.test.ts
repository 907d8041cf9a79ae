import { describePlatformCases } from './support/platform-cases.js';
import { bunServe } from './support/platforms.js';

describePlatformCases(bunServe);
