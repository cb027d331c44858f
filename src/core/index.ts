// The engine's public surface: what the command line and the add-in use.
export * from './model';
export * from './plan';
export * from './findings';
export { readRules, RulesError } from './rules';
export type { Rules, Indicator, CrossCheck, RosterUnit, Scope } from './rules';
export { CheckSession, ReportReader } from './session';
export type { SheetReading } from './layout';
export type { CheckResult, Coverage, SubmissionInfo, UnitSummary, UnitRow, UnitStatus } from './session';
export type { UnitEvidence, EvidenceSource } from './identity';
export { describeEvidence } from './identity';
export { areaVerdict, coverageText } from './verdict';
export type { AreaVerdict, VerdictStatus } from './verdict';
export { planOutput, SHEET_NAMES } from './output';
export { toResultJson, exitCodeFor } from './result';
export type { ResultJson } from './result';
export { formatNumber, formatPercent } from './numbers';
export { compareChecks, keptForComparison, readPrevious, PreviousResultError } from './changes';
export type { Changes, FigureChange, FindingRef } from './changes';
export { changesSummary } from './plan-changes';
export { planFeedback, FEEDBACK_SHEET } from './plan-feedback';
export type { Feedback, FeedbackOptions } from './plan-feedback';
export { readExplanations } from './explanations';
// Templates for the next round: the command line writes them (`chitieu mau`); the pane may too.
export { planTemplates, TEMPLATE_SHEET, TEMPLATE_CODE_HEADER } from './plan-template';
export type { Template, TemplateOptions } from './plan-template';
