import { writtenSlugs } from '../content/written'
import { expect, test } from './fixtures'

const [slug] = writtenSlugs()
const lesson = `/learn/${slug}`

test('answers are kept, and a lesson is done once every question is answered', async ({ page }) => {
  await page.goto(lesson)
  const questions = page.locator('[data-check]')
  const total = await questions.count()
  expect(total).toBeGreaterThanOrEqual(3)
  const progress = page.getByRole('region', { name: 'Your progress' })
  await expect(progress).toContainText(`0 of ${total} questions answered`)

  // Answer the first by revealing it, the rest by revealing too: any answered question counts.
  for (let i = 0; i < total; i++) {
    const question = questions.nth(i)
    await question.getByRole('radio').first().check()
    await question.getByRole('button', { name: 'Check answer' }).click()
    const reveal = question.getByRole('button', { name: 'Show the answer' })
    if (await reveal.isVisible()) await reveal.click()
    await expect(question.getByText(/^(Correct\.|The answer is:)/)).toBeVisible()
  }
  await expect(progress).toContainText('Lesson done.')

  // Kept on this device: after a reload the answers and the verdicts are still there.
  await page.reload()
  await expect(progress).toContainText(`${total} of ${total} questions answered`)
  await expect(questions.first().getByText(/^(Correct\.|The answer is:)/)).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Lessons' }).getByRole('link', { name: /\(done\)/ }).filter({ visible: true })).toHaveCount(1)

  // The learner can overrule it.
  await progress.getByRole('button', { name: 'Mark as not done' }).click()
  await expect(progress).toContainText('Not done yet.')
  await progress.getByRole('button', { name: 'Mark lesson as done' }).click()
  await expect(progress).toContainText('Lesson done.')
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
