import { describeDemo } from 'demo-web/e2e';

// The browser tests of demo-express and demo-nest, against `next start` of this app.
describeDemo('demo-next');
