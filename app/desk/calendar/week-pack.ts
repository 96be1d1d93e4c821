/**
 * A cell's appointments packed in one string, a line per appointment with tab-separated fields: id,
 * "9:00–10:00 AM Ana Souza", index into services, status, marks ("⚑ Red flag · Arrived") or nothing. One
 * string per cell instead of thousands of small arrays: the payload is serialized, sent and parsed as a
 * few hundred values. Tabs and line breaks inside a text become spaces (HTML shows them as spaces anyway).
 */
export type WeekEntries = string;

const flat = (text: string) => text.replace(/[\t\n\r]/g, " ");

/** Packs one cell's appointments (see WeekEntries). */
export function packEntries(entries: ReadonlyArray<{ id: string; label: string; service: number; status: string; marks?: string }>): WeekEntries {
  return entries.map((e) => `${e.id}\t${flat(e.label)}\t${e.service}\t${e.status}\t${flat(e.marks ?? "")}`).join("\n");
}

/** The appointments of one packed cell, in order. */
export function unpackEntries(packed: WeekEntries): Array<{ id: string; label: string; service: number; status: string; marks: string }> {
  if (!packed) return [];
  return packed.split("\n").map((line) => {
    const [id = "", label = "", service = "", status = "", marks = ""] = line.split("\t");
    return { id, label, service: Number(service), status, marks };
  });
}
