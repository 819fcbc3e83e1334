// Types only: the CLI reads settings (and so this file) and must not load the LSP library at run time.
import type { Connection, MessageType, ShowMessageNotification, ShowMessageParams } from 'vscode-languageserver/node';

/** `MessageType.Error`, `.Warning`, `.Info` and `ShowMessageNotification.method`, as the protocol defines them. */
const TYPES = { error: 1, warning: 2, info: 3 } as const satisfies Record<string, MessageType>;
const SHOW_MESSAGE: typeof ShowMessageNotification.method = 'window/showMessage';

/**
 * Shows a message to the user with the `window/showMessage` notification. Never `window/showMessageRequest`
 * (what `connection.window.show*Message` send): a client that rejects or ignores requests would leave an
 * unhandled rejection behind, and vita offers no buttons anyway.
 */
export function showMessage(connection: Connection, type: keyof typeof TYPES, message: string): void {
  const params: ShowMessageParams = { type: TYPES[type], message: message.startsWith('vita:') ? message : `vita: ${message}` };
  void connection.sendNotification(SHOW_MESSAGE, params);
}
