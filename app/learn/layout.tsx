import type { ReactNode } from 'react'
import { Sidebar } from '@/components/site/sidebar'
import { getLessons } from '@/content/lessons'

export default async function LearnLayout({ children }: { children: ReactNode }) {
  const lessons = await getLessons()
  return (
    <div className="mx-auto grid max-w-360 grid-cols-[minmax(0,1fr)] lg:grid-cols-[15rem_minmax(0,1fr)] xl:grid-cols-[15rem_minmax(0,1fr)_13rem] presenter:block presenter:max-w-none">
      <Sidebar lessons={lessons} />
      {children}
    </div>
  )
}
