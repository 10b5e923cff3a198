import type { MDXComponents } from 'mdx/types'
import Link from 'next/link'
import type { ComponentProps } from 'react'
import { Callout } from '@/components/mdx/callout'
import { Challenge, Hint, Solution } from '@/components/mdx/challenge'
import { CheckYourself, Explanation } from '@/components/mdx/check-yourself'
import { CodeBlock } from '@/components/mdx/code-block'
import { Demo } from '@/components/mdx/demo'
import { LessonLink } from '@/components/mdx/lesson-link'
import { Recap, YouWillLearn } from '@/components/mdx/lesson-boxes'
import { SourceFile } from '@/components/mdx/source-file'
import { Tab, Tabs } from '@/components/mdx/tabs'

function Anchor({ href = '', ...props }: ComponentProps<'a'>) {
  if (href.startsWith('/')) return <Link href={href} {...props} />
  if (href.startsWith('#')) return <a href={href} {...props} />
  return <a href={href} rel="noopener noreferrer" {...props} />
}

/** Wide tables scroll sideways on small screens; the region is focusable so keyboards can scroll it. */
function Table(props: ComponentProps<'table'>) {
  return (
    <div className="overflow-x-auto" role="region" aria-label="Table (scrolls sideways)" tabIndex={0}>
      <table {...props} />
    </div>
  )
}

/** The tags every lesson can use without importing them. A lesson names its live demos by id: `<Demo id="x">`. */
const components = {
  a: Anchor,
  pre: CodeBlock,
  table: Table,
  Callout,
  Challenge,
  CheckYourself,
  Demo,
  Explanation,
  Hint,
  LessonLink,
  Recap,
  Solution,
  SourceFile,
  Tab,
  Tabs,
  YouWillLearn,
} satisfies MDXComponents

export function useMDXComponents(inherited: MDXComponents): MDXComponents {
  return { ...inherited, ...components }
}
