/** The HMAC purpose of manage links (see lib/secrets.ts); its own module so scripts can sign links too. */
export const MANAGE_PURPOSE = "manage-appointment";
