import { bunServe, directCalls, honoOnNode } from './support/platforms.js';
import { describeTurnCases } from './support/turn-cases.js';

describeTurnCases(directCalls);
describeTurnCases(honoOnNode);
describeTurnCases(bunServe);
