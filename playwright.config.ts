import { defineConfig, devices } from '@playwright/test'
import { chromiumArgs, chromiumPath } from './scripts/browser.mjs'

const port = Number(process.env.E2E_PORT ?? 3100)
export const baseURL = `http://127.0.0.1:${port}`

/** e2e runs against the production build's standalone server (`npm run build` first), in the system Chromium. */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  // Demos measure real parallelism on the machine's cores: one test at a time keeps them honest.
  workers: 1,
  // The same run everywhere, CI or not. A test that passes only on its retry is reported as flaky.
  retries: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL,
    // A failed test keeps its trace: actions, DOM snapshots, console and network. No screencast:
    // filming the page took a third of a core from the workers that the demos time.
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: true },
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
    // The site registers a service worker (offline use), and page.route() does not see the requests
    // a service worker makes: blocked everywhere but e2e/offline.spec.ts, which allows it.
    serviceWorkers: 'block',
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 720 } } }],
  webServer: {
    // The standalone server, as `npm run serve` and the Docker image run it (`npm run build` first).
    command: 'node .next/standalone/server.js',
    env: { PORT: String(port), HOSTNAME: '127.0.0.1' },
    url: baseURL,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
