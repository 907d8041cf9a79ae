import { describeEndpointContract } from '@chatwire/endpoint-contract';
import { contractTarget } from './support/contract-target.js';
import { denoServe } from './support/platforms.js';

describeEndpointContract(contractTarget(denoServe));
