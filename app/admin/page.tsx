import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { requireRole } from "@/lib/auth";
import { listPractitionersForAdmin, listServicesForAdmin } from "@/lib/clinic/queries";
import { listUsers } from "@/lib/accounts/queries";
import { Card, PageHeader } from "../_components/ui";
import { AdminNav } from "./admin-nav";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  await requireRole("admin");
  const db = getDb();
  const [services, practitioners, users] = await Promise.all([listServicesForAdmin(db), listPractitionersForAdmin(db), listUsers(db)]);
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
