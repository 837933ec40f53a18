import { NextResponse } from "next/server";
import { TokenExpiredError } from "@/lib/auth/api-actor";
import { ForbiddenError, NotFoundError } from "@/lib/auth/permissions";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { IMPORT_MSG } from "@/lib/i18n/import";
import { BODY_LIMITS } from "@/lib/import/limits";
import { TOKEN } from "@/lib/i18n/token";

// One enum of error codes, one code-to-status table; unknown errors get a generic message, never internals.
export type ApiErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "REQUEST_TIMEOUT"
  | "PAYLOAD_TOO_LARGE"
  | "DB_UNAVAILABLE"
  | "INTERNAL";

const STATUS: Record<ApiErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  REQUEST_TIMEOUT: 408,
  PAYLOAD_TOO_LARGE: 413,
  DB_UNAVAILABLE: 503,
  INTERNAL: 500,
};

const DEFAULT_MESSAGE: Record<ApiErrorCode, string> = {
  BAD_REQUEST: "Parameter tidak sah.",
  UNAUTHORIZED: "Perlu masuk (sesi) atau token API yang sah.",
  FORBIDDEN: "Wilayah ini di luar cakupan akun Anda.",
  NOT_FOUND: "Wilayah tidak ditemukan.",
  REQUEST_TIMEOUT: IMPORT_MSG.badan.terlaluLambat(BODY_LIMITS.maxSeconds),
  PAYLOAD_TOO_LARGE: IMPORT_MSG.badan.terlaluBesar(BODY_LIMITS.maxBytes),
  DB_UNAVAILABLE: "Basis data sedang tidak tersedia. Coba lagi sebentar lagi.",
  INTERNAL: "Terjadi kesalahan pada server.",
};

export function apiError(code: ApiErrorCode, message = DEFAULT_MESSAGE[code]): NextResponse {
  return NextResponse.json({ error: { code, message } }, { status: STATUS[code], headers: { "Cache-Control": "no-store" } });
}

/** Maps an error thrown inside lib to its API answer. */
export function apiErrorFrom(error: unknown): NextResponse {
  if (error instanceof TokenExpiredError) return apiError("UNAUTHORIZED", TOKEN.kedaluwarsa);
  if (error instanceof NotFoundError) return apiError("NOT_FOUND");
  if (error instanceof ForbiddenError) return apiError("FORBIDDEN");
  if (isDatabaseUnavailable(error)) return apiError("DB_UNAVAILABLE");
  console.error(error);
  return apiError("INTERNAL");
}
