import { describeDemo } from './support/demo-suite.js';

describeDemo('demo-express');
