import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth";
import { Card, PageHeader } from "../_components/ui";
import { AdminNav } from "./admin-nav";
import { getAdminHomeData } from "@/lib/admin/views";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  await requireRole("admin");
  const { services, practitioners, users } = await getAdminHomeData();
  const cards = [
    { href: "/admin/services", title: "Services", text: `${services.filter((s) => s.isActive).length} active of ${services.length}` },
    { href: "/admin/practitioners", title: "Practitioners & hours", text: `${practitioners.filter((p) => p.isActive).length} active practitioners` },
    { href: "/admin/users", title: "Accounts", text: `${users.length} accounts, ${users.filter((u) => u.disabledAt).length} disabled` },
  ];
  return (
    <>
      <PageHeader title="Admin" description="Services, practitioners' hours and accounts." />
      <AdminNav current="/admin" />
      <ul className="grid gap-4 sm:grid-cols-3">
        {cards.map((c) => (
          <li key={c.href}>
            <Card>
              <h2 className="text-lg font-semibold">
                <Link href={c.href} className="text-brand-700 underline-offset-4 hover:underline">
                  {c.title}
                </Link>
              </h2>
              <p className="text-muted">{c.text}</p>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
