import "server-only";
import { getDb } from "@/db/client";
import { listPublicPractitioners, listPublicServices } from "./queries";

/** The home page: services and practitioners (no patient data). */
export async function getHomePageData() {
  const db = getDb();
  const [services, practitioners] = await Promise.all([listPublicServices(db), listPublicPractitioners(db)]);
  return { services, practitioners };
}
