"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { AppointmentStatus } from "@/lib/appointments/status";
import type { CancelReason } from "@/lib/appointments/cancellation";
import { staffMoveAction } from "@/lib/desk/actions";
import type { CellState } from "@/lib/desk/grid";
import { applyActionResult, callAction } from "../../_components/forms";
import { Alert, Button, cn, inputClass } from "../../_components/ui";
import { AppointmentChanges } from "../appointment-changes";
import { BLOCK_TONE as BLOCK_TONE_CLIENT } from "./grid-parts";

export interface GridBlockView {
  id: string;
  patientName: string;
  serviceName: string;
  serviceSlug: string;
  practitionerId: string;
  status: AppointmentStatus;
  time: string;
  day: string;
  marks: string[];
  canChange: boolean;
  offering: Array<{ id: string; name: string }>;
}

export type GridCellView =
  { kind: "covered" } | { kind: "block"; rowSpan: number; appointments: GridBlockView[] } | { kind: "empty"; state: CellState; note?: string; start: string; label: string; href: string | null };

export interface GridColumnView {
  id: string;
  name: string;
  detail: string;
  cells: GridCellView[];
}

const EMPTY_TONE: Record<CellState, string> = {
  free: "bg-white",
  past: "bg-slate-50",
  off: "bg-slate-100",
  break: "bg-slate-200",
  time_off: "bg-amber-100",
  closed: "bg-red-50",
};
const STATUS_WORDS: Record<AppointmentStatus, string> = { requested: "Request", confirmed: "Confirmed", completed: "Completed", no_show: "No-show", cancelled: "Cancelled" };
const EMPTY_WORDS: Partial<Record<CellState, string>> = { break: "Break", time_off: "Time off", closed: "Closed" };

type Drop = { block: GridBlockView; columnId: string; columnName: string; start: string; label: string };

/**
 * A day of the scheduler: rows of times (the location's clock) against a column per practitioner or room.
 * A table, so screen readers announce each cell's time and column. Free cells link to booking there.
 * Dragging an appointment onto a free cell of a practitioner offering its service asks for a reason and
 * moves it through the desk's move (engine, lifecycle, exclusion constraints); a refusal is shown and the
 * block stays where it was. Without a mouse, each appointment's "Move or cancel" opens the same move as a
 * form (practitioner, day, free time, reason).
 */
export function DayGrid({
  caption,
  by,
  rows,
  columns,
  timeZone,
  reasons,
  canManageTimeOff,
}: {
  caption: string;
  by: "practitioner" | "room";
  rows: Array<{ time: string; label: string }>;
  columns: GridColumnView[];
  timeZone: string;
  reasons: Array<{ code: CancelReason; label: string }>;
  canManageTimeOff: boolean;
}) {
  const [dragging, setDragging] = useState<GridBlockView | null>(null);
  // Read by the drag events themselves (a state update may not have rendered yet when the first dragover comes).
  const dragged = useRef<GridBlockView | null>(null);
  const [drop, setDrop] = useState<Drop | null>(null);
  const [open, setOpen] = useState<GridBlockView | null>(null);
  const canTake = (block: GridBlockView | null, columnId: string) => by === "practitioner" && Boolean(block?.canChange) && block!.offering.some((p) => p.id === columnId);

  return (
    <>
      <div role="region" aria-label={caption} tabIndex={0} className="overflow-x-auto rounded-xl border border-line bg-white focus-visible:outline-3 focus-visible:outline-brand-600">
        <table className="w-full border-separate border-spacing-0 text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className="w-20 border-b border-line bg-slate-50 p-2 text-left">
                Time
              </th>
              {columns.map((c) => (
                <th key={c.id} scope="col" className="min-w-40 border-b border-l border-line p-2 text-left align-bottom">
                  {c.name}
                  <span className="block text-xs font-normal text-slate-700">{c.detail}</span>
                  {canManageTimeOff && by === "practitioner" ? (
                    <Link href={`/admin/practitioners/${c.id}#time-off`} className="text-xs font-normal text-brand-700 underline">
                      Time off
                    </Link>
                  ) : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={row.time}>
                <th scope="row" className={cn("h-8 border-line bg-white px-2 text-left align-top text-xs font-normal whitespace-nowrap text-slate-700", row.time.endsWith(":00") && "border-t")}>
                  {row.label}
                </th>
                {columns.map((c) => {
                  const cell = c.cells[r]!;
                  if (cell.kind === "covered") return null;
                  if (cell.kind === "block") {
                    return (
                      <td key={c.id} rowSpan={cell.rowSpan} className="border-l border-line p-0.5 align-top">
                        {/* Positioned above the later rows it spans (axe reads a row-spanning cell's lower part as covered by those rows otherwise). */}
                        <div className="relative z-[1] flex h-full flex-col gap-0.5">
                          {cell.appointments.map((a) => (
                            <div
                              key={a.id}
                              draggable={by === "practitioner" && a.canChange}
                              onDragStart={(e) => {
                                e.dataTransfer.setData("text/plain", a.id);
                                e.dataTransfer.effectAllowed = "move";
                                dragged.current = a;
                                setDragging(a);
                              }}
                              onDragEnd={() => {
                                dragged.current = null;
                                setDragging(null);
                              }}
                              data-appointment={a.id}
                              className={cn("flex-1 rounded border-l-4 px-1.5 py-1 text-xs", BLOCK_TONE_CLIENT[a.status], by === "practitioner" && a.canChange && "cursor-grab")}
                            >
                              <Link href={`/desk/appointments/${a.id}`} draggable={false} className="font-semibold underline-offset-2 hover:underline">
                                {a.time} {a.patientName}
                              </Link>
                              <span className="block">
                                {a.serviceName} · {STATUS_WORDS[a.status]}
                              </span>
                              {a.marks.length ? <span className="block font-semibold">{a.marks.join(" · ")}</span> : null}
                              {a.canChange ? (
                                <button
                                  type="button"
                                  onClick={() => setOpen(a)}
                                  className="mt-1 block min-h-8 rounded border border-current px-2 underline-offset-2 hover:underline"
                                  aria-label={`Move or cancel ${a.patientName}'s ${a.time} ${a.serviceName}`}
                                >
                                  Move or cancel
                                </button>
                              ) : null}
                            </div>
                          ))}
                        </div>
                      </td>
                    );
                  }
                  const droppable = cell.state === "free" && canTake(dragging, c.id);
                  return (
                    <td
                      key={c.id}
                      className={cn(
                        "h-8 border-l border-line p-0",
                        row.time.endsWith(":00") && "border-t",
                        EMPTY_TONE[cell.state],
                        droppable && "bg-brand-50 outline-2 -outline-offset-2 outline-brand-600 outline-dashed",
                      )}
                      data-free={cell.state === "free" ? `${c.id}|${cell.start}` : undefined}
                      onDragOver={cell.state === "free" ? (e) => canTake(dragged.current, c.id) && e.preventDefault() : undefined}
                      onDrop={
                        cell.state === "free"
                          ? (e) => {
                              const block = dragged.current;
                              if (!canTake(block, c.id)) return;
                              e.preventDefault();
                              setDrop({ block: block!, columnId: c.id, columnName: c.name, start: cell.start, label: cell.label });
                              dragged.current = null;
                              setDragging(null);
                            }
                          : undefined
                      }
                    >
                      {cell.href ? (
                        <Link href={cell.href} className="group flex h-full min-h-8 w-full items-center px-1 text-xs text-brand-700 focus:bg-brand-50">
                          <span className="invisible group-hover:visible group-focus:visible" aria-hidden="true">
                            + Book
                          </span>
                          <span className="sr-only">
                            Book {cell.label} with {c.name}
                          </span>
                        </Link>
                      ) : EMPTY_WORDS[cell.state] && (r === 0 || !sameState(columns, c.id, r - 1, cell.state)) ? (
                        <span className="px-1 text-xs text-slate-900">
                          {EMPTY_WORDS[cell.state]}
                          {cell.note ? ` · ${cell.note}` : ""}
                        </span>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {drop ? <DropDialog drop={drop} reasons={reasons} onClose={() => setDrop(null)} /> : null}
      {open ? (
        <Modal title={`${open.patientName} · ${open.time} · ${open.serviceName}`} onClose={() => setOpen(null)}>
          <AppointmentChanges
            appointment={{ id: open.id, serviceSlug: open.serviceSlug, practitionerId: open.practitionerId, label: `${open.patientName}'s ${open.time} ${open.serviceName}` }}
            practitioners={open.offering}
            reasons={reasons}
            timeZone={timeZone}
            initialDay={open.day}
          />
        </Modal>
      ) : null}
    </>
  );
}

function sameState(columns: GridColumnView[], columnId: string, row: number, state: CellState): boolean {
  const cell = columns.find((c) => c.id === columnId)?.cells[row];
  return cell?.kind === "empty" && cell.state === state;
}

/** A native modal dialog: focus moves in, Escape closes, the page behind is inert. */
function Modal({ title, onClose, children }: { title: string; onClose: () => void; children: React.ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  return (
    <dialog
      ref={(node) => {
        ref.current = node;
        if (node && !node.open) node.showModal();
      }}
      onClose={onClose}
      aria-label={title}
      className="m-auto w-[min(40rem,95vw)] rounded-xl border border-line bg-white p-5 text-ink shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="mb-3 flex items-start justify-between gap-3">
        <h2 className="text-lg font-semibold">{title}</h2>
        <Button type="button" variant="secondary" onClick={() => ref.current?.close()}>
          Close
        </Button>
      </div>
      {children}
    </dialog>
  );
}

/** After a drop: the reason, then the move; a refusal is shown and nothing moves. */
function DropDialog({ drop, reasons, onClose }: { drop: Drop; reasons: Array<{ code: CancelReason; label: string }>; onClose: () => void }) {
  const router = useRouter();
  const [reason, setReason] = useState<CancelReason | "">("");
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { block } = drop;
  async function move() {
    if (!reason) {
      setMessage("Choose a reason for the move.");
      return;
    }
    setBusy(true);
    setMessage(null);
    const result = await callAction(() => staffMoveAction({ appointmentId: block.id, practitionerId: drop.columnId, start: drop.start, reason }));
    setBusy(false);
    if (result.ok && result.data.kind === "moved") {
      onClose();
      router.refresh();
      return;
    }
    setMessage(result.ok && result.data.kind === "conflict" ? result.data.message : applyActionResult(result, () => {}));
  }
  return (
    <Modal title={`Move ${block.patientName}'s ${block.serviceName}`} onClose={onClose}>
      <p className="mb-3">
        To <strong>{drop.label}</strong> with <strong>{drop.columnName}</strong>. The patient is emailed.
      </p>
      {message ? (
        <Alert tone="danger" role="alert" className="mb-3">
          {message} The appointment stays where it was.
        </Alert>
      ) : null}
      <label className="mb-3 flex flex-col gap-1">
        Reason
        <select value={reason} onChange={(e) => setReason(e.target.value as CancelReason)} className={inputClass}>
          <option value="" disabled>
            Choose a reason…
          </option>
          {reasons.map((r) => (
            <option key={r.code} value={r.code}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      <Button type="button" onClick={move} disabled={busy}>
        {busy ? "Moving…" : "Move and email the patient"}
      </Button>
    </Modal>
  );
}
