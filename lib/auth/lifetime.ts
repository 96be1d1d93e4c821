/** Absolute lifetime of a sign-in (12 h: one clinic day); the cookie cannot outlive its session row. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
