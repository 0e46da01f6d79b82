// What other hub services build on the contract with: the field models (written once), their
// storage columns, and the contract's GraphQL classes. The national index uses them to store and
// serve the same entities; importing this module loads no server and no database.
export { aiToolModel } from './aiTool/aiTool.model';
export { practiceReportModel } from './practiceReport/practiceReport.model';
export { prismaColumn } from './model/printPrismaModels';
export { enumName } from './model/enumNames';
export type { EntityModel, AnyField, Fields } from './model/fields';
export { AiTool, Provider } from './aiTool/aiTool';
export { AiToolConnection } from './aiTool/aiToolConnection';
export { AiToolFilter } from './aiTool/aiToolFilter';
export { AiToolsArgs } from './aiTool/aiToolsArgs';
export { PracticeReport } from './practiceReport/practiceReport';
export { PracticeReportConnection } from './practiceReport/practiceReportConnection';
export { PracticeReportFilter } from './practiceReport/practiceReportFilter';
export { PracticeReportsArgs } from './practiceReport/practiceReportsArgs';
export { Collectivite } from './collectivite/collectivite';
export { AiProduct } from './aiProduct/aiProduct';
export * from './shared/enums';
export { sortKey, makeId, parseId } from './shared/ids';
export { afterCursor, contractOrder } from './shared/keysetPage';
