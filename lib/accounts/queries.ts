import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { patients, users } from "@/db/schema";

export async function listUsers(db: DbOrTx) {
  return db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabledAt: users.disabledAt, createdAt: users.createdAt, patientId: patients.id })
    .from(users)
    .leftJoin(patients, eq(patients.userId, users.id))
    .orderBy(asc(users.role), asc(sql`lower(${users.email})`));
}
