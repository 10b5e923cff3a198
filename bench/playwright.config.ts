import { defineConfig } from '@playwright/test'
import { chromiumArgs, chromiumPath } from '../scripts/browser.mjs'

const port = Number(process.env.BENCH_PORT ?? 3200)

/** Benchmarks: headless Chromium against the production build, one at a time, on an idle machine. */
export default defineConfig({
  testDir: '.',
  testMatch: '*.bench.ts',
  outputDir: '../test-results/bench',
  workers: 1,
  timeout: 10 * 60_000,
  reporter: 'line',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 720 },
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
  },
  webServer: {
    // The standalone server, as `npm start` runs it.
    command: 'node .next/standalone/server.js',
    env: { PORT: String(port), HOSTNAME: '127.0.0.1' },
    cwd: '..',
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
})
