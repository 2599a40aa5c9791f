import { Link } from '@inertiajs/react'
import type { PropsWithChildren } from 'react'

export default function AppLayout({ children }: PropsWithChildren) {
  return (
    <div className="min-h-screen bg-slate-50">
      <nav className="flex gap-6 border-b bg-white px-6 py-3">
        <Link href={route('dispatch.board')}>Board</Link>
        <Link href={route('drivers.index')}>Drivers</Link>
      </nav>
      <main className="p-6">{children}</main>
    </div>
  )
}

declare function route(name: string, params?: Record<string, unknown>): string
