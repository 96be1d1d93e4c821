import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-xl py-10 text-center">
      <h1 className="text-2xl font-semibold">This area is not part of your account</h1>
      <p className="mt-2 text-muted">You are signed in, but this page belongs to another role. Nothing here was shown or changed.</p>
      <p className="mt-6">
        <Link href="/login" className="text-brand-700 underline">
          Go to your area
        </Link>
      </p>
    </div>
  );
}
