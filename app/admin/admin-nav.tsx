import Link from "next/link";

const LINKS = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/services", label: "Services" },
  { href: "/admin/practitioners", label: "Practitioners & hours" },
  { href: "/admin/users", label: "Accounts" },
  { href: "/admin/outbox", label: "Outbox" },
  { href: "/admin/audit", label: "Audit trail" },
  { href: "/admin/settings", label: "Settings" },
];

export function AdminNav({ current }: { current: string }) {
  return (
    <nav aria-label="Admin" className="no-print mb-6 flex flex-wrap gap-2 border-b border-line pb-3">
      {LINKS.map((l) => (
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
