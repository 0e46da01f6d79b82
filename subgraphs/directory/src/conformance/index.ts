export { checkConformance, contractFingerprint, type ConformanceOptions, type ConformanceReport } from './checkConformance';
export { compareSchemas, compareModels } from './compareSchemas';
export { probeRegistry, type ProbeOptions, type ProbeResult } from './probeRegistry';
export { describePostFailure, describePostFailureQuietly } from './describePostFailure';
export { buildSchemaModel, type SchemaModel, type TypeModel } from './schemaModel';
export { runConformanceCli } from './cli';
