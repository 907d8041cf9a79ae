import { describePlatformCases } from './support/platform-cases.js';
import { denoServe } from './support/platforms.js';

describePlatformCases(denoServe);
