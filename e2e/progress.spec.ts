import { writtenSlugs } from '../content/written'
import { expect, test } from './fixtures'

const [slug] = writtenSlugs()
const lesson = `/learn/${slug}`

test('answers are kept, and a lesson is done once every question is answered and every challenge solved', async ({ page }) => {
  // The YAML lesson: its two challenges are quick to solve by typing.
  await page.goto('/learn/yaml')
  const questions = page.locator('[data-check]')
  const total = await questions.count()
  expect(total).toBeGreaterThanOrEqual(3)
  const progress = page.getByRole('region', { name: 'Your progress' })
  await expect(progress).toContainText(`0 of ${total} questions answered, 0 of 2 challenges solved`)

  // Answer the first by revealing it, the rest by revealing too: any answered question counts.
  for (let i = 0; i < total; i++) {
    const question = questions.nth(i)
    await question.getByRole('radio').first().check()
    await question.getByRole('button', { name: 'Check answer' }).click()
    const reveal = question.getByRole('button', { name: 'Show the answer' })
    if (await reveal.isVisible()) await reveal.click()
    await expect(question.getByText(/^(Correct\.|The answer is:)/)).toBeVisible()
  }
  // Every question answered is not enough while a challenge is unsolved.
  await expect(progress).toContainText(`Not done yet. ${total} of ${total} questions answered, 0 of 2 challenges solved.`)
  const answers = { norway: "country: 'NO'\nversion: '3.10'\nport: 8443\nenabled: true\n", 'on-key': "'on': push\njobs: [test, lint]\n" }
  for (const [id, yaml] of Object.entries(answers)) {
    const challenge = page.locator(`[data-challenge="${id}"]`)
    await challenge.getByRole('textbox', { name: 'Your YAML' }).fill(yaml)
    await challenge.getByRole('button', { name: 'Check' }).click()
    await expect(challenge).toHaveAttribute('data-state', 'solved')
  }
  await expect(progress).toContainText('Lesson done.')

  // Kept on this device: after a reload the answers and the verdicts are still there.
  await page.reload()
  await expect(progress).toContainText(`${total} of ${total} questions answered, 2 of 2 challenges solved`)
  await expect(questions.first().getByText(/^(Correct\.|The answer is:)/)).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Lessons' }).getByRole('link', { name: /\(done\)/ }).filter({ visible: true })).toHaveCount(1)

  // The learner can overrule it.
  await progress.getByRole('button', { name: 'Mark as not done' }).click()
  await expect(progress).toContainText('Not done yet.')
  await progress.getByRole('button', { name: 'Mark lesson as done' }).click()
  await expect(progress).toContainText('Lesson done.')
})

test('a saved answer names its choice, wherever that choice is shown', async ({ page }) => {
  await page.goto(lesson)
  const question = page.locator('[data-check]').first()
  const choice = question.getByRole('radio').last()
  const text = await choice.evaluate((input) => input.closest('label')!.textContent)
  await choice.check()
  await question.getByRole('button', { name: 'Check answer' }).click()
  const saved = await page.evaluate(() => localStorage.getItem('concurrency-lab:progress'))
  expect(JSON.parse(saved!)[slug!].answers[(await question.getAttribute('data-check'))!]).toMatchObject({ pick: text })

  await page.reload()
  await expect(question.getByRole('radio', { name: text!, exact: true })).toBeChecked()
})

test('an answer saved by position before the choices were reordered keeps its verdict, not its pick', async ({ page }) => {
  await page.goto(lesson)
  const questions = page.locator('[data-check]')
  const [first, second] = await Promise.all([0, 1].map((i) => questions.nth(i).getAttribute('data-check')))
  const old = { [slug!]: { answers: { [first!]: { choice: 1, correct: true }, [second!]: { choice: 0, correct: false } } } }
  await page.evaluate((value) => localStorage.setItem('concurrency-lab:progress', value), JSON.stringify(old))
  await page.reload()

  // Right before: still answered, with the right choice shown, but no claim about which one was picked.
  const answered = questions.nth(0)
  await expect(answered.getByText(/^The answer is:/)).toBeVisible()
  await expect(answered.getByRole('radio', { checked: true })).toHaveCount(0)
  // A wrong pick that was never settled is simply unanswered again.
  const open = questions.nth(1)
  await expect(open.getByRole('radio', { checked: true })).toHaveCount(0)
  await expect(open.getByText('Not quite.')).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'Your progress' })).toContainText(`1 of ${await questions.count()} questions answered`)
})

test('the home page shows progress and can reset it', async ({ page }) => {
  await page.goto(lesson)
  await page.getByRole('region', { name: 'Your progress' }).getByRole('button', { name: 'Mark lesson as done' }).click()
  await page.goto('/')
  const total = writtenSlugs().length
  await expect(page.getByText(`1 of ${total} lessons done`)).toBeVisible()
  await expect(page.getByRole('progressbar', { name: `1 of ${total} lessons done` })).toHaveAttribute('value', '1')
  await expect(page.getByRole('region', { name: 'The course' }).getByText('Done', { exact: true })).toBeVisible()

  await page.getByRole('button', { name: 'Reset progress' }).click()
  await page.getByRole('button', { name: 'Reset', exact: true }).click()
  await expect(page.getByText(`0 of ${total} lessons done`)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Reset progress' })).toHaveCount(0)
})

test('broken saved progress is ignored, not a crash', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('concurrency-lab:progress', '{not json'))
  await page.goto(lesson)
  await expect(page.getByRole('region', { name: 'Your progress' })).toContainText('Not done yet.')
})

test('answers saved before a lesson was split are found in the lesson their questions moved to', async ({ page }) => {
  // As saved when thread-safety was still part of threading: one answer stays, one moves.
  const pick = 'It prints 400000 every time, but only because of where CPython 3.11 switches threads; it still needs the lock'
  const old = { threading: { answers: { 'active-count': { pick: '4', correct: true }, 'counter-without-lock': { pick, correct: true } } } }
  await page.addInitScript((value) => {
    if (!sessionStorage.getItem('seeded')) localStorage.setItem('concurrency-lab:progress', value)
    sessionStorage.setItem('seeded', '1')
  }, JSON.stringify(old))

  await page.goto('/learn/thread-safety')
  const question = page.locator('[data-check="counter-without-lock"]')
  await expect(question.getByRole('radio', { name: pick })).toBeChecked()
  await expect(question.getByText('Correct.')).toBeVisible()
  const total = await page.locator('[data-check]').count()
  await expect(page.getByRole('region', { name: 'Your progress' })).toContainText(`1 of ${total} questions answered`)

  await page.goto('/learn/threading')
  await expect(page.locator('[data-check="active-count"]').getByText('Correct.')).toBeVisible()
  await expect(page.locator('[data-check="counter-without-lock"]')).toHaveCount(0)

  // Saved in its new place once anything is written.
  await page.locator('[data-check="run-not-start"]').getByRole('radio').first().check()
  await page.locator('[data-check="run-not-start"]').getByRole('button', { name: 'Check answer' }).click()
  const saved = JSON.parse((await page.evaluate(() => localStorage.getItem('concurrency-lab:progress')))!)
  expect(saved['thread-safety'].answers['counter-without-lock']).toMatchObject({ pick, correct: true })
  expect(saved.threading.answers).not.toHaveProperty('counter-without-lock')
})
