import Link from "next/link";

const LINKS = [
  { href: "/desk", label: "Requests & today" },
  { href: "/desk/calendar", label: "Calendar" },
  { href: "/desk/patients", label: "Patients" },
  { href: "/desk/book", label: "Book for a patient" },
  { href: "/desk/referrals/new", label: "Record a referral" },
];

export function DeskNav({ current }: { current: string }) {
  return (
    <nav aria-label="Front desk" className="no-print mb-6 flex flex-wrap gap-2 border-b border-line pb-3">
      {LINKS.map((l) => (
        <Link key={l.href} href={l.href} aria-current={current === l.href ? "page" : undefined} className="rounded-lg px-3 py-2 hover:bg-brand-50 aria-[current=page]:bg-brand-100 aria-[current=page]:font-semibold">
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
