import { apiRoute } from "@/lib/http/api";
import { postPlanLogs } from "@/lib/portal/http";

export const dynamic = "force-dynamic";

export const POST = apiRoute(postPlanLogs);
