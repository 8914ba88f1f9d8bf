import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{schemas,forms,functions,infra,bench,scripts,e2e}/**/*.test.ts', 'web/src/**/*.test.ts'],
    globalSetup: ['functions/tests/support/global-setup.ts', 'e2e/support/build-web.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
