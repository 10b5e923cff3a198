import { demo, expect, expectAccessible, expectRefusal, figure, runDemo, test } from './fixtures'

const lesson = '/learn/yaml'
const preset = (source: string, extra: Record<string, string> = {}) => `${lesson}?${new URLSearchParams({ demo: 'yaml', source, ...extra })}`

test('parses the notes’ example into one document, shown as a tree, JSON and Python', async ({ page }) => {
  await page.goto(lesson)
  const yaml = demo(page, 'yaml')
  await expect(yaml.getByRole('textbox', { name: 'YAML' })).toHaveValue(/prime_numbers: \[2, 3, 5, 7, 11, 13, 17, 19\]/)
  expect(await runDemo(page, 'yaml')).toEqual({ ok: true, documents: 1 })
  await expect(yaml.getByRole('status')).toHaveText('Valid YAML: 1 document.')
  const document = yaml.getByRole('region', { name: 'Document 1' })
  await expect(document.getByText('prime_numbers')).toBeVisible()
  await expect(document.getByText("'https://example.org/primenumbers/v1'")).toBeVisible()
  await yaml.getByRole('button', { name: 'JSON' }).click()
  await expect(document).toContainText('"port": 8443')
  await yaml.getByRole('button', { name: 'Python', exact: true }).click()
  await expect(document).toContainText("{'rest': {'url': 'https://example.org/primenumbers/v1', 'port': 8443}, 'prime_numbers': [2, 3, 5, 7, 11, 13, 17, 19]}")
  await expectAccessible(page)
})

test('counts the documents separated by ---', async ({ page }) => {
  await page.goto(preset('name: list\n---\nname: quotes\n---\nname: sink\n', { run: '1' }))
  const yaml = demo(page, 'yaml')
  await expect(yaml).toHaveAttribute('data-state', 'done')
  expect(JSON.parse((await yaml.getAttribute('data-result'))!)).toEqual({ ok: true, documents: 3 })
  await expect(yaml.getByRole('region', { name: /^Document \d$/ })).toHaveCount(3)
  await expect(figure(yaml, 'Documents')).toHaveText('3')
})

test('locates a syntax error by line and column, as you type and on Run', async ({ page }) => {
  await page.goto(lesson)
  const yaml = demo(page, 'yaml')
  const field = yaml.getByRole('textbox', { name: 'YAML' })
  await field.fill('rest:\n  port: 8443\nprimes: [2, 3, 5\nnext: 1\n')
  const problem = yaml.getByRole('list', { name: 'Problems' }).getByRole('listitem')
  await expect(problem).toContainText('Error at line 4, column 1:')
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  expect(await runDemo(page, 'yaml')).toEqual({ ok: false, line: 4, column: 1, message: expect.stringContaining('Flow sequence') })
  await expect(yaml.getByRole('status')).toHaveText(/^Not valid YAML: line 4, column 1: /)

  await problem.getByRole('button', { name: 'Select it in the text' }).click()
  await expect(field).toBeFocused()
  const selection = await field.evaluate((area: HTMLTextAreaElement) => area.value.slice(0, area.selectionStart))
  expect(selection).toBe('rest:\n  port: 8443\nprimes: [2, 3, 5\n')

  await field.fill('a: 1\nb: 2\na: 3\n')
  expect(await runDemo(page, 'yaml')).toEqual({ ok: false, line: 3, column: 1, message: 'Map keys must be unique' })
  await expectAccessible(page)
})

test('reads no and NO as False the way PyYAML does, and as strings in YAML 1.2', async ({ page }) => {
  await page.goto(lesson)
  const yaml = demo(page, 'yaml')
  await yaml.getByRole('button', { name: 'Yes, no and Norway' }).click()
  await yaml.getByRole('button', { name: 'Python', exact: true }).click()
  const document = yaml.getByRole('region', { name: 'Document 1' })
  await expect(document).toContainText("'answer': True, 'country': False, 'switch': False, 'version': 3.1, 'quoted': 'NO'")
  await yaml.getByRole('radio', { name: 'YAML 1.2' }).check()
  await expect(document).toContainText("'answer': 'yes', 'country': 'NO', 'switch': 'off', 'version': 3.1")
})

test('builds nothing from a Python tag: it warns and keeps plain data', async ({ page }) => {
  await page.goto(lesson)
  const yaml = demo(page, 'yaml')
  await yaml.getByRole('button', { name: 'A Python tag' }).click()
  await expect(yaml.getByRole('list', { name: 'Problems' })).toContainText('Warning at line 2, column 1: Unresolved tag')
  await expect(yaml.getByRole('list', { name: 'Problems' })).toContainText('safe_load raises ConstructorError')
  expect(await runDemo(page, 'yaml')).toEqual({ ok: true, documents: 1 })
  await expect(yaml.getByRole('region', { name: 'Document 1' })).toContainText("'echo hacked'")
})

test('refuses text over the size limit with a clear message, and does not run', async ({ page }) => {
  await page.goto(lesson)
  const yaml = demo(page, 'yaml')
  await yaml.getByRole('textbox', { name: 'YAML' }).fill(`key: ${'x'.repeat(9_995)}\n`)
  await expect(yaml.getByText('Too long: 10,001 characters; the limit is 10,000.')).toBeVisible()
  await expect(yaml.getByRole('textbox', { name: 'YAML' })).toHaveAccessibleDescription(/Too long/)
  await expectRefusal(yaml)
  await expect(yaml.getByRole('region', { name: 'Document 1' })).toHaveCount(0)
})

test('the predict-the-output question explains the Norway problem', async ({ page }) => {
  await page.goto(lesson)
  const question = page.locator('[data-check="norway"]')
  await question.getByRole('radio', { name: "{'answer': False, 'country': False, 'version': 3.1}" }).check()
  await question.getByRole('button', { name: 'Check answer' }).click()
  await expect(question.getByText('Correct.')).toBeVisible()
  await expect(question).toContainText('YAML 1.1')
})
