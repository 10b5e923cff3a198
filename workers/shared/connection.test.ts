import { afterEach, describe, expect, it } from 'vitest'
import { Connection, EOFError } from './connection'

const ports: MessagePort[] = []
function pipe<T>() {
  const { port1, port2 } = new MessageChannel()
  ports.push(port1, port2)
  return [new Connection<T>(port1), new Connection<T>(port2)] as const
}
afterEach(() => ports.splice(0).forEach((port) => port.close()))

describe('Connection (one end of a Pipe)', () => {
  it('carries objects both ways, in order, as copies', async () => {
    const [a, b] = pipe<{ n: number }>()
    const sent = { n: 1 }
    a.send(sent)
    a.send({ n: 2 })
    b.send({ n: 10 })
    const first = await b.recv()
    expect(first).toEqual({ n: 1 })
    expect(first).not.toBe(sent)
    expect(await b.recv()).toEqual({ n: 2 })
    expect(await a.recv()).toEqual({ n: 10 })
  })

  it('recv() waits for the next object', async () => {
    const [a, b] = pipe<string>()
    const pending = b.recv()
    expect(b.poll()).toBe(false)
    setTimeout(() => a.send('late'), 20)
    await expect(pending).resolves.toBe('late')
  })

  it('poll() says whether something is waiting', async () => {
    const [a, b] = pipe<number>()
    a.send(7)
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(b.poll()).toBe(true)
    await b.recv()
    expect(b.poll()).toBe(false)
  })

  it('raises EOFError once the other end is closed and nothing is left', async () => {
    const [a, b] = pipe<number>()
    const waiting = b.recv()
    a.send(1)
    a.close()
    await expect(waiting).resolves.toBe(1)
    await expect(b.recv()).rejects.toBeInstanceOf(EOFError)
    expect(() => a.send(2)).toThrow('handle is closed')
  })
})
