export { exportLake, type ExportOptions, type ExportSummary } from './export';
export { buildFromLake, lakeOfBuild, LAKE_SOURCE_TABLE, type LakeBuildOptions } from './build';
export { attachLake, openManifest, relationSql, withLakeReadOnly, type AttachOptions } from './attach';
export { readManifest, readManifestIfAny, manifestPath, MANIFEST_FILE, type Manifest, type LakeRelation, type LakeFile, type LakeColumn } from './manifest';
export { COMMIT_FILE } from './commit';
