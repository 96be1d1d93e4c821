/** The HMAC purpose of waitlist offer links (see lib/secrets.ts); its own module so scripts can sign links too. */
export const OFFER_PURPOSE = "waitlist-offer";
