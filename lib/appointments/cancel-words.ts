import { textOf } from "@/lib/i18n";
import { CANCEL_REASONS, type CancelReason } from "./cancellation";

/** A cancel/move reason in words (the catalog's `cancelReasons`), for pages and the case timeline. */
export const cancelReasonLabel = (code: string) => textOf(`cancelReasons.${code}`) ?? code;

/** The reason list for the desk's forms, in the catalog's words. */
export const cancelReasonOptions = (): Array<{ code: CancelReason; label: string }> => CANCEL_REASONS.map((code) => ({ code, label: cancelReasonLabel(code) }));
