import { type Connection, MessageType, ShowMessageNotification } from 'vscode-languageserver/node';

const TYPES = { error: MessageType.Error, warning: MessageType.Warning, info: MessageType.Info } as const;

/**
 * Shows a message to the user with the `window/showMessage` notification. Never `window/showMessageRequest`
 * (what `connection.window.show*Message` send): a client that rejects or ignores requests would leave an
 * unhandled rejection behind, and vita offers no buttons anyway.
 */
export function showMessage(connection: Connection, type: keyof typeof TYPES, message: string): void {
  void connection.sendNotification(ShowMessageNotification.type, { type: TYPES[type], message: message.startsWith('vita:') ? message : `vita: ${message}` });
}
