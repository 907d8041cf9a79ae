import { describeEndpointContract } from '@chatwire/endpoint-contract';
import { contractTarget } from './support/contract-target.js';
import { honoOnNode } from './support/platforms.js';

describeEndpointContract(contractTarget(honoOnNode));
