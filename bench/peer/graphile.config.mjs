// The benchmark peer: PostGraphile 5 (amber preset) with connection filters, so that the
// filtered search (Q5) can be expressed; every column may be filtered, as in the hub.
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { PostGraphileConnectionFilterPreset } from "postgraphile-plugin-connection-filter";

/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
  disablePlugins: ["PgIndexBehaviorsPlugin"],
};

export default preset;
