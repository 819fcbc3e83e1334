import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FilePlace } from '../host/host';

/**
 * The workspace folders of `initialize` (or its root) as file-system paths, innermost first; folders that are not
 * local paths (`vscode-vfs:`, `untitled:`, a malformed URI) are skipped, never fatal.
 */
export class WorkspaceFolders {
  private folders: string[];

  constructor(params: { workspaceFolders?: unknown; rootUri?: unknown }) {
    // Whatever the client sent: a list of folders, or a root URI; anything else is no folder.
    const uris = Array.isArray(params.workspaceFolders) ? params.workspaceFolders.map((folder) => (typeof folder === 'object' ? folder?.uri : undefined)) : [params.rootUri];
    this.folders = uris
      .map((uri) => localPath(uri))
      .filter((path): path is string => path !== undefined)
      .sort((a, b) => b.length - a.length);
  }

  /** Folders added and removed (`workspace/didChangeWorkspaceFolders`). */
  change(added: unknown, removed: unknown): void {
    const uris = (list: unknown) => (Array.isArray(list) ? list.map((folder: { uri?: unknown } | null) => (typeof folder === 'object' ? folder?.uri : undefined)) : []);
    const gone = new Set(uris(removed).map((uri) => localPath(uri)));
    const kept = this.folders.filter((folder) => !gone.has(folder));
    for (const uri of uris(added)) {
      const path = localPath(uri);
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
