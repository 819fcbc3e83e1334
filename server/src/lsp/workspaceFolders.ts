import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FilePlace } from '../host/host';

/**
 * The workspace folders of `initialize` (or its root) as file-system paths, innermost first; folders that are not
 * local paths (`vscode-vfs:`, `untitled:`, a malformed URI) are skipped, never fatal.
 */
export class WorkspaceFolders {
  private folders: string[];

  constructor(params: { workspaceFolders?: readonly ({ uri?: unknown } | null)[] | null; rootUri?: string | null }) {
    const uris = params.workspaceFolders?.map((folder) => folder?.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.folders = uris
      .map((uri) => localPath(uri))
      .filter((path): path is string => path !== undefined)
      .sort((a, b) => b.length - a.length);
  }

  /** Folders added and removed (`workspace/didChangeWorkspaceFolders`). */
  change(added: readonly { uri: string }[], removed: readonly { uri: string }[]): void {
    const gone = new Set(removed.map((folder) => localPath(folder.uri)));
    const kept = this.folders.filter((folder) => !gone.has(folder));
    for (const folder of added) {
      const path = localPath(folder.uri);
      if (path !== undefined && !kept.includes(path)) kept.push(path);
    }
    this.folders = kept.sort((a, b) => b.length - a.length);
  }

  /** The innermost workspace folder holding a document (a `file:` URI), if any. */
  folderOf(uri: string): string | undefined {
    const path = localPath(uri);
    if (path === undefined) return undefined;
    return this.folders.find((folder) => {
      const inside = relative(folder, path);
      return inside.length > 0 && !inside.startsWith('..') && !isAbsolute(inside);
    });
  }

  /** Where a document stands on disk, for the host. */
  placeOf(uri: string, trusted: boolean): FilePlace {
    const path = localPath(uri);
    const folder = this.folderOf(uri);
    return { ...(path !== undefined ? { path } : {}), ...(folder !== undefined ? { folder } : {}), trusted };
  }
}

/** A `file:` URI's path; undefined for any other scheme or a URI that is not one. */
export function localPath(uri: unknown): string | undefined {
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
