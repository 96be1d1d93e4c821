export * from "./enums";
export * from "./users";
export * from "./security";
export * from "./clinic";
export * from "./patients";
export * from "./appointments";
export * from "./audit";
