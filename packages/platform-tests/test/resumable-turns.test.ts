import { bunServe, denoServe, directCalls, honoOnNode } from './support/platforms.js';
import { describeTurnCases } from './support/turn-cases.js';

describeTurnCases(directCalls);
describeTurnCases(honoOnNode);
describeTurnCases(bunServe);
describeTurnCases(denoServe);
