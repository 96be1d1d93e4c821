"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-xl py-10 text-center" role="alert">
      <h1 className="text-2xl font-semibold">Something went wrong on our side</h1>
      <p className="mt-2 text-muted">Nothing you typed was sent anywhere else. Please try again in a moment.</p>
      {error.digest ? <p className="mt-2 text-sm text-muted">Reference: {error.digest}</p> : null}
      <button type="button" onClick={reset} className="mt-6 min-h-11 rounded-lg bg-brand-600 px-4 py-2 font-medium text-white">
        Try again
      </button>
    </div>
  );
}
