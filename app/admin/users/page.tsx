import type { Metadata } from "next";
import { requireRole } from "@/lib/auth";
import { inviteStaffAction } from "@/lib/accounts/actions";
import { invitedRoleLabel } from "@/lib/accounts/links";
import { INVITABLE_ROLES, tokenLifetimeSeconds } from "@/lib/accounts/purposes";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { DISCIPLINES, DISCIPLINE_LABELS } from "@/lib/clinic/disciplines";
import { formatDateTime } from "@/lib/time";
import { ActionForm, FieldError } from "../../_components/action-form";
import { Badge, Card, CardTitle, EmptyState, LabeledSelect, PageHeader, Table, inputClass } from "../../_components/ui";
import { AdminNav } from "../admin-nav";
import { DisableToggle } from "./disable-toggle";
import { RevokeInvitation } from "./revoke-invitation";
import { getUsersPageData } from "@/lib/admin/views";

export const metadata: Metadata = { title: "Accounts" };

const STATUS_TONE = { pending: "info", accepted: "success", revoked: "neutral", expired: "warning" } as const;
const STATUS_LABEL = { pending: "Waiting", accepted: "Accepted", revoked: "Revoked", expired: "Expired" } as const;

export default async function AdminUsersPage() {
  const me = await requireRole("admin");
  const { users, invitations, locations, timeZone } = await getUsersPageData({ viewer: me });
  const inviteDays = Math.round(tokenLifetimeSeconds("staff_invite") / 86_400);
  return (
    <>
      <PageHeader title="Accounts" description="Disabling an account signs it out everywhere at once." />
      <AdminNav current="/admin/users" />
      <Card className="mb-6">
        <CardTitle>Invite someone to the team</CardTitle>
        <p className="mb-4 text-muted">They get an email with a link to choose their password. It works once, for {inviteDays} days; inviting the same address again replaces it.</p>
        <ActionForm action={inviteStaffAction} submitLabel="Send invitation" pendingLabel="Sending…" success="Invitation sent.">
          <div className="grid gap-3 sm:grid-cols-2">
            <label className="flex flex-col gap-1">
              Full name
              <input name="name" autoComplete="off" className={inputClass} />
              <FieldError name="name" />
            </label>
            <label className="flex flex-col gap-1">
              Email
              <input name="email" type="email" autoComplete="off" className={inputClass} />
              <FieldError name="email" />
            </label>
            <div>
              <LabeledSelect name="role" label="Role" small={false} emptyLabel="Choose…" options={INVITABLE_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
              <FieldError name="role" />
            </div>
            <div>
              <LabeledSelect name="discipline" label="Discipline (practitioners)" small={false} emptyLabel="—" options={DISCIPLINES.map((d) => ({ value: d, label: DISCIPLINE_LABELS[d] }))} />
              <FieldError name="discipline" />
            </div>
            <div>
              <LabeledSelect name="locationId" label="Location (practitioners)" small={false} emptyLabel="—" options={locations.map((l) => ({ value: l.id, label: l.name }))} />
              <FieldError name="locationId" />
            </div>
          </div>
        </ActionForm>
      </Card>
      <h2 className="mb-3 text-lg font-semibold">Invitations</h2>
      {invitations.length ? (
        <div className="mb-8">
          <Table caption="Invitations">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Invited</th>
                <th scope="col">Link works until</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((i) => (
                <tr key={i.id}>
                  <td className="font-medium">{i.name}</td>
                  <td>{i.email}</td>
                  <td>{invitedRoleLabel(i.role!, i.discipline)}</td>
                  <td className="text-sm">
                    {formatDateTime(i.createdAt, timeZone)}
                    {i.invitedBy ? ` by ${i.invitedBy}` : ""}
                  </td>
                  <td className="text-sm">{formatDateTime(i.expiresAt, timeZone)}</td>
                  <td>
                    <Badge tone={STATUS_TONE[i.status]}>{STATUS_LABEL[i.status]}</Badge>
                  </td>
                  <td>{i.status === "pending" ? <RevokeInvitation invitationId={i.id} email={i.email} /> : null}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      ) : (
        <div className="mb-8">
          <EmptyState>No invitations yet.</EmptyState>
        </div>
      )}
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
