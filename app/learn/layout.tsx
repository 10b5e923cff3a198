import type { ReactNode } from 'react'
import { Sidebar } from '@/components/site/sidebar'
import { getLessons } from '@/content/lessons'

export default async function LearnLayout({ children }: { children: ReactNode }) {
  const lessons = await getLessons()
  return (
    <div className="learn-layout">
      <Sidebar lessons={lessons} />
      {children}
    </div>
  )
}
