import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requireRole } from "@/lib/auth";
import { listUsers } from "@/lib/accounts/queries";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { Badge, PageHeader, Table } from "../../_components/ui";
import { AdminNav } from "../admin-nav";
import { DisableToggle } from "./disable-toggle";

export const metadata: Metadata = { title: "Accounts" };

export default async function AdminUsersPage() {
  const me = await requireRole("admin");
  const users = await listUsers(getDb());
  return (
    <>
      <PageHeader title="Accounts" description="Disabling an account signs it out everywhere at once." />
      <AdminNav current="/admin/users" />
      <Table caption="Accounts">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td className="font-medium">{u.name}</td>
              <td>{u.email}</td>
              <td>{ROLE_LABELS[u.role]}</td>
              <td>{u.disabledAt ? <Badge tone="danger">Disabled</Badge> : <Badge tone="success">Active</Badge>}</td>
              <td>{u.id === me.id ? <span className="text-sm text-muted">You</span> : <DisableToggle userId={u.id} email={u.email} disabled={Boolean(u.disabledAt)} />}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
