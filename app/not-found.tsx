import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl py-10 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-muted">The link may be old, or the page may have moved.</p>
      <p className="mt-6">
        <Link href="/" className="text-brand-700 underline">
          Back to the home page
        </Link>
      </p>
    </div>
  );
}
