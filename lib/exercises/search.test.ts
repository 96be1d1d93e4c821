import { describe, expect, it } from "vitest";
import { EXERCISES } from "@/db/seed/exercises";
import { equipmentOptions, equipmentTags, searchExercises } from "./search";

const names = (list: Array<{ name: string }>) => list.map((e) => e.name);

describe("searching the exercise library", () => {
  it("finds by words of the name, whatever the case or accents, names first", () => {
    // Names first; then exercises whose instructions mention the words.
    expect(names(searchExercises(EXERCISES, { text: "KNEE chest" }))).toEqual(["Knee to chest", "Double knee to chest", "Partial crunch"]);
    expect(names(searchExercises(EXERCISES, { text: "cat cow" }))).toEqual(["Cat–cow"]);
    // "towel" is in one name and in no instructions other than that one.
    expect(names(searchExercises(EXERCISES, { text: "towel" }))[0]).toBe("Hamstring stretch with a towel");
  });

  it("filters by body area, position and equipment, together", () => {
    const onBackCore = searchExercises(EXERCISES, { bodyArea: "core", position: "lying_on_back" });
    expect(names(onBackCore).sort()).toEqual(["Dead bug", "Marching on your back", "Partial crunch"]);
    expect(names(searchExercises(EXERCISES, { equipment: "foam roller" })).sort()).toEqual(["Foam rolling: buttocks", "Foam rolling: side of the lower back"]);
    expect(names(searchExercises(EXERCISES, { equipment: "chair", position: "sitting", text: "stand" }))).toEqual(["Sit to stand"]);
    expect(searchExercises(EXERCISES, { bodyArea: "hips", position: "in_water" })).toEqual([]);
  });

  it("returns the whole library with no criteria", () => {
    expect(searchExercises(EXERCISES, {})).toHaveLength(EXERCISES.length);
  });

  it("reads equipment as words", () => {
    expect(equipmentTags("Mat, optional band")).toEqual(["mat", "band"]);
    expect(equipmentTags("Towel or belt")).toEqual(["towel", "belt"]);
    expect(equipmentTags("Chair with a back")).toEqual(["chair"]);
    expect(equipmentTags("Cushion for the knee")).toEqual(["cushion"]);
    expect(equipmentTags("None")).toEqual(["none"]);
    const options = equipmentOptions(EXERCISES);
    expect(options[0]).toBe("none");
    expect(options).toEqual(expect.arrayContaining(["mat", "chair", "foam roller", "towel", "wall", "pool"]));
  });
});
