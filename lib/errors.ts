/**
 * An expected refusal from domain logic ("that slot is taken", "wrong current password"): shown to the
 * user as is, with an optional field it belongs to.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}
