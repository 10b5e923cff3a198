// Runs first in `npm test`: says which Chromium the e2e tests will drive, or how to get one, before anything is built.
import { chromiumPath } from './browser.mjs'

try {
  console.log(`e2e browser: ${chromiumPath()}`)
} catch (error) {
  console.error(error.message)
  process.exit(1)
}
