import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "./globals.css";
import { getCurrentUser } from "@/lib/auth";
import { HOME_BY_ROLE, ROLE_LABELS } from "@/lib/auth/roles";
import { signOutAction } from "@/lib/auth/actions";
import { getClinic } from "@/lib/clinic/context";
import { emergencyCallHref } from "@/lib/triage/red-flags";

export const metadata: Metadata = {
  title: { default: "Backline — spine & massage clinic", template: "%s · Backline" },
  description: "Book spine care, chiropractic, physical therapy and massage; follow your home exercise plan.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0f766e" };

const AREA_LINKS = {
  patient: [{ href: "/portal", label: "My care" }],
  staff: [{ href: "/desk", label: "Front desk" }],
  practitioner: [{ href: "/cases", label: "Cases" }],
  admin: [
    { href: "/admin", label: "Admin" },
    { href: "/desk", label: "Front desk" },
    { href: "/cases", label: "Cases" },
  ],
} as const;

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [user, clinic] = await Promise.all([getCurrentUser(), getClinic()]);
  return (
    <html lang="en">
      {/* Whatever anyone typed wraps instead of widening the page (a name, a note, a reason with no spaces). */}
      <body className="min-h-screen [overflow-wrap:anywhere]">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
          Skip to content
        </a>
        <header className="no-print border-b border-line bg-white">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
            <Link href={user ? HOME_BY_ROLE[user.role] : "/"} className="flex items-center gap-2 text-xl font-bold text-brand-700 no-underline">
              <span aria-hidden="true" className="inline-block h-7 w-2 rounded-full bg-brand-600" />
              Backline
            </Link>
            <nav aria-label="Main" className="flex flex-wrap items-center gap-1 sm:gap-2">
              <Link href="/" className="rounded-lg px-3 py-2 text-ink hover:bg-brand-50">
                Services
              </Link>
              {!user || user.role === "patient" ? (
                <Link href="/book" className="rounded-lg px-3 py-2 text-ink hover:bg-brand-50">
                  Book
                </Link>
              ) : null}
              {user
                ? AREA_LINKS[user.role].map((l) => (
                    <Link key={l.href} href={l.href} className="rounded-lg px-3 py-2 text-ink hover:bg-brand-50">
                      {l.label}
                    </Link>
                  ))
                : null}
              {user ? (
                <>
                  <Link href="/account" className="rounded-lg px-3 py-2 text-ink hover:bg-brand-50" title={`${user.name} (${ROLE_LABELS[user.role]})`}>
                    Account
                  </Link>
                  <form action={signOutAction}>
                    <button type="submit" className="min-h-11 rounded-lg border border-line px-3 py-2 hover:bg-brand-50">
                      Sign out
                    </button>
                  </form>
                </>
              ) : (
                <Link href="/login" className="min-h-11 rounded-lg bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
                  Sign in
                </Link>
              )}
            </nav>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          {children}
        </main>
        <footer className="no-print mx-auto max-w-6xl px-4 pb-10 text-sm text-muted">
          In an emergency call{" "}
          <a href={emergencyCallHref(clinic.emergencyNumber)} className="underline">
            {clinic.emergencyNumber}
          </a>{" "}
          or go to the nearest emergency department. Backline does not handle emergencies online.
        </footer>
      </body>
    </html>
  );
}
