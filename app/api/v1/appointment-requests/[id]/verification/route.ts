import { postVerification } from "@/lib/booking/http";
import { apiRoute } from "@/lib/http/api";

export const dynamic = "force-dynamic";

/** Public: the code emailed for a pending request (lib/booking/http.ts). */
export const POST = apiRoute(async (req, { params }: { params: Promise<{ id: string }> }) => postVerification(req, (await params).id));
