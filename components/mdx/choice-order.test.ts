import { describe, expect, it } from 'vitest'
import { choiceOrder, orderChoices } from './choice-order'

describe('choice order', () => {
  it('is a permutation, the same every time for the same id', () => {
    for (const count of [1, 2, 3, 4, 7]) {
      const order = choiceOrder('pool-lambda', count)
      expect([...order].sort()).toEqual(Array.from({ length: count }, (_, i) => i))
      expect(choiceOrder('pool-lambda', count)).toEqual(order)
    }
  })

  it('differs from question to question', () => {
    const orders = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id) => choiceOrder(id, 4).join()))
    expect(orders.size).toBeGreaterThan(4)
  })

  it('moves the answer along with its choice', () => {
    const choices = ['0', '1', '2', '3']
    for (const id of ['x', 'y', 'z']) {
      for (let answer = 0; answer < choices.length; answer++) {
        const shown = orderChoices(id, choices, answer)
        expect(shown.choices[shown.answer]).toBe(choices[answer])
      }
    }
  })

  it('refuses a question that cannot be answered', () => {
    expect(() => orderChoices('q', ['a', 'b'], 2)).toThrow(/answer=\{2\}/)
    expect(() => orderChoices('q', ['a', 'a'], 0)).toThrow(/two choices are the same/)
  })
})
