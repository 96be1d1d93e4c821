import { describe, expect, it } from "vitest";
import { packEntries, unpackEntries } from "./week-pack";

describe("the week grid's packed cells", () => {
  it("round-trip every appointment in order, with or without marks", () => {
    const entries = [
      { id: "a1", label: "9:00–10:00 AM Ana Souza", service: 0, status: "confirmed", marks: "" },
      { id: "a2", label: "10:00–11:00 AM Bo <b>", service: 3, status: "no_show", marks: "⚑ Red flag · Arrived" },
    ];
    expect(unpackEntries(packEntries(entries))).toEqual(entries);
    expect(unpackEntries(packEntries([]))).toEqual([]);
  });

  it("a tab or line break typed into a name cannot shift the fields or split the appointment", () => {
    const [only, ...rest] = unpackEntries(packEntries([{ id: "a1", label: "9:00 AM Ana\tconfirmed\nx\tevil", service: 1, status: "requested", marks: "Arrived\n" }]));
    expect(rest).toEqual([]);
    expect(only).toEqual({ id: "a1", label: "9:00 AM Ana confirmed x evil", service: 1, status: "requested", marks: "Arrived " });
  });
});
