import { describeEndpointContract } from '@chatwire/endpoint-contract';
import { contractTarget } from './support/contract-target.js';
import { bunServe } from './support/platforms.js';

describeEndpointContract(contractTarget(bunServe));
