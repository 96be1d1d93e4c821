import Link from "next/link";

/** The tabs under an area's title (admin, front desk); the current one is marked for assistive tech. */
export function SubNav({ label, links, current }: { label: string; links: ReadonlyArray<{ href: string; label: string }>; current: string }) {
  return (
    <nav aria-label={label} className="no-print mb-6 flex flex-wrap gap-2 border-b border-line pb-3">
      {links.map((l) => (
        <Link
          key={l.href}
          href={l.href}
          aria-current={current === l.href ? "page" : undefined}
          className="rounded-lg px-3 py-2 hover:bg-brand-50 aria-[current=page]:bg-brand-100 aria-[current=page]:font-semibold"
        >
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
