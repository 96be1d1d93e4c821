import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth";
import { landingFor } from "@/lib/auth/roles";
import { Alert, Card } from "../_components/ui";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = typeof params.next === "string" ? params.next : "";
  const user = await getCurrentUser();
  if (user) redirect(landingFor(user.role, next));

  return (
    <div className="mx-auto max-w-md">
      <Card className="p-6 sm:p-8">
        <h1 className="mb-1 text-2xl font-semibold">Sign in</h1>
        <p className="mb-6 text-muted">Patients, clinicians and front desk use the same sign-in.</p>
        {params.signedOut ? (
          <Alert tone="success" className="mb-4">
            You are signed out.
          </Alert>
        ) : null}
        {params.passwordChanged ? (
          <Alert tone="success" className="mb-4">
            Your password was changed. Sign in with the new one.
          </Alert>
        ) : null}
        {params.passwordSet ? (
          <Alert tone="success" className="mb-4">
            Your password is saved. Sign in with it.
          </Alert>
        ) : null}
        <SignInForm next={next} />
        <p className="mt-4 text-sm">
          <Link href="/login/forgot" className="text-brand-700 underline">
            Forgot your password?
          </Link>
        </p>
      </Card>
    </div>
  );
}
