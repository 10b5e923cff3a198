import { GeistMono } from 'geist/font/mono'
import { GeistSans } from 'geist/font/sans'
import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
import { holdEventsScript } from '@/components/demo-kit/held-events'
import { ServiceWorkerRegistration } from '@/components/site/offline'
import { SiteHeader } from '@/components/site/site-header'
import { themeScript } from '@/components/site/theme'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'Concurrency Lab — Python concurrency, live', template: '%s · Concurrency Lab' },
  description:
    'Learn Python concurrency — multiprocessing, threading, asyncio — with demos that really run concurrently in your browser.',
}

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#0b1020' },
  ],
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The theme script sets the `dark` class before React hydrates.
    <html lang="en" suppressHydrationWarning className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
        <script dangerouslySetInnerHTML={{ __html: holdEventsScript }} />
      </head>
      <body>
        <a href="#content" className="absolute -top-12 left-4 z-100 rounded-lg bg-accent px-4 py-2 font-semibold text-on-accent focus:top-3">
          Skip to content
        </a>
        <SiteHeader />
        {children}
        <ServiceWorkerRegistration />
      </body>
    </html>
  )
}
