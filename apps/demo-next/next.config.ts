import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // The page's components (demo-web) and the upstream and model settings (demo-express) are
  // TypeScript sources of the workspace's other demos, compiled here with the app.
  transpilePackages: ['demo-web', 'demo-express'],
  poweredByHeader: false,
  // The typecheck task checks the app with tsc, Next's route types included: the build need not
  // check it again.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // Their imports name the compiled file (`./App.js` for `App.tsx`), as Node's ESM wants.
    extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
  },
};

export default nextConfig;
