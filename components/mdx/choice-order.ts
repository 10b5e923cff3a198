/** 32-bit FNV-1a: a small, stable hash of a question's id. */
function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** mulberry32: a seeded stream of 32-bit numbers, the same in every JavaScript engine. */
function numbers(seed: number) {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = Math.imul(state ^ (state >>> 15), state | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return (t ^ (t >>> 14)) >>> 0
  }
}

/**
 * The order a question shows its choices in: `order[i]` is the authored index of the choice shown
 * at position i. A Fisher–Yates shuffle seeded by the question's id, so every build and every
 * browser shows the same order, and where the right answer was written says nothing about where
 * it appears.
 */
export function choiceOrder(id: string, count: number): number[] {
  const next = numbers(hash(id))
  const order = Array.from({ length: count }, (_, i) => i)
  for (let i = count - 1; i > 0; i--) {
    const j = next() % (i + 1)
    ;[order[i], order[j]] = [order[j]!, order[i]!]
  }
  return order
}

/**
 * A question's choices in the order shown, with the index of the right one among them. Throws on
 * a question that cannot be answered: an answer with no choice, or two choices alike (an answer
 * is saved by its text).
 */
export function orderChoices(id: string, choices: readonly string[], answer: number) {
  if (!Number.isInteger(answer) || answer < 0 || answer >= choices.length) {
    throw new Error(`<CheckYourself id="${id}">: answer={${answer}} is not the index of one of its ${choices.length} choices`)
  }
  if (new Set(choices).size !== choices.length) throw new Error(`<CheckYourself id="${id}">: two choices are the same`)
  const order = choiceOrder(id, choices.length)
  return { choices: order.map((i) => choices[i]!), answer: order.indexOf(answer) }
}
