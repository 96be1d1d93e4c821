/** A caller's request id is kept when it looks like one (letters, digits, - and _; 8–64 long). */
export function validRequestId(value: string | null): string | null {
  return value && /^[\w-]{8,64}$/.test(value) ? value : null;
}
