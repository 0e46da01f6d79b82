import { REGION_NAMES, RISK_LABELS, STATUS_LABELS, THEME_LABELS, type RiskLevel, type Theme, type ToolStatus } from '@bibia/sdk';

export const themesText = (themes: readonly Theme[]) => themes.map((t) => THEME_LABELS[t] ?? t).join(', ');
export const statusText = (s: ToolStatus) => STATUS_LABELS[s] ?? s;
export const riskText = (r: RiskLevel) => RISK_LABELS[r] ?? r;
export const regionText = (code: string | null | undefined) => (code ? `${REGION_NAMES[code] ?? code} (${code})` : '');
