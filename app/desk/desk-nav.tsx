import { SubNav } from "../_components/sub-nav";

const LINKS = [
  { href: "/desk", label: "Requests & today" },
  { href: "/desk/calendar", label: "Calendar" },
  { href: "/desk/patients", label: "Patients" },
  { href: "/desk/waitlist", label: "Waitlist" },
  { href: "/desk/recall", label: "Recall" },
  { href: "/desk/book", label: "Book for a patient" },
  { href: "/desk/referrals/new", label: "Record a referral" },
];

export function DeskNav({ current }: { current: string }) {
  return <SubNav label="Front desk" links={LINKS} current={current} />;
}
