import * as vscode from 'vscode';
import { RESTRICTED_SETTING_KEYS, SETTING_KEYS } from '../../server/src/protocol';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The `vita.*` settings the user set explicitly for a scope (user, workspace, folder), nested as the server reads
 * them. A setting left at its default is absent, so that the project's `.vita/config.json` applies; an object
 * setting (`vita.rules`, `vita.dates.style`) is merged key by key from user to folder, as VS Code merges it. In an
 * untrusted workspace the workspace's values of the restricted settings are ignored, as VS Code ignores them. The job
 * remembered for the résumé, if any, is its `match.job`.
 */
export function explicitSettings(scope: vscode.Uri | undefined, rememberedJob?: string): Record<string, unknown> {
  const configuration = vscode.workspace.getConfiguration('vita', scope);
  const trusted = vscode.workspace.isTrusted;
  const out: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const inspected = configuration.inspect<unknown>(key);
    if (!inspected) continue;
    const workspaceAllowed = trusted || !RESTRICTED_SETTING_KEYS.includes(key);
    const levels = [inspected.globalValue, ...(workspaceAllowed ? [inspected.workspaceValue, inspected.workspaceFolderValue] : [])].filter((value) => value !== undefined);
    if (levels.length === 0) continue;
    const value = levels.every(isRecord) ? Object.assign({}, ...levels) : levels[levels.length - 1];
    const parts = key.split('.');
    let node = out;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]] = value;
  }
  // The job picked for this résumé ("vita: Match Résumé Against Job Description…") wins over `vita.match.job`.
  if (rememberedJob) out.match = { ...(isRecord(out.match) ? out.match : {}), job: rememberedJob };
  return out;
}
