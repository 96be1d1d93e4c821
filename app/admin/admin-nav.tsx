import { SubNav } from "../_components/sub-nav";

const LINKS = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/services", label: "Services" },
  { href: "/admin/practitioners", label: "Practitioners & hours" },
  { href: "/admin/locations", label: "Locations & closures" },
  { href: "/admin/users", label: "Accounts" },
  { href: "/admin/outbox", label: "Outbox" },
  { href: "/admin/audit", label: "Audit trail" },
  { href: "/admin/settings", label: "Settings" },
];

export function AdminNav({ current }: { current: string }) {
  return <SubNav label="Admin" links={LINKS} current={current} />;
}
