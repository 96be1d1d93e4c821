import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/api/openapi";
import { apiRoute } from "@/lib/http/api";
import { appBaseUrl } from "@/lib/http/base-url";

/** Public: the OpenAPI document of the public API. */
export const GET = apiRoute(async () => NextResponse.json(openApiDocument(appBaseUrl())));
