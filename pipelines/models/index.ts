export { buildWarehouse, type BuildOptions, type BuildSummary, type BuiltModel } from './build';
export { discoverModels, discoverTests, orderModels, LAYERS, type Model, type DataTest } from './discover';
export { parseHeader, type ModelHeader } from './header';
export { installRuleMacros, ruleMacrosSql, type MacroOptions } from './macros';
