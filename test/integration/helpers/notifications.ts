// What the notification center lists, read from the workbench's DOM: the only way to see
// which notifications a person would see, whichever extension raised them.
import * as vscode from 'vscode';
import { evaluateInWorkbench } from './browser.js';

/** A notification as the notification center lists it. */
export interface ListedNotification {
  severity: 'error' | 'warning' | 'info';
  text: string;
}

/** Opens the notification center, reads its entries and closes it again. */
export async function listNotifications(): Promise<ListedNotification[]> {
  await vscode.commands.executeCommand('notifications.showList');
  try {
    return await evaluateInWorkbench<ListedNotification[]>(`() => {
      const items = document.querySelectorAll('.notifications-center .notification-list-item');
      return [...items].map((item) => {
        const icon = item.querySelector('.notification-list-item-icon');
        const classes = icon ? icon.className : '';
        const severity = classes.includes('codicon-error')
          ? 'error'
          : classes.includes('codicon-warning') ? 'warning' : 'info';
        const message = item.querySelector('.notification-list-item-message');
        return { severity, text: (message || item).textContent || '' };
      });
    }`);
  } finally {
    await vscode.commands.executeCommand('notifications.hideList');
  }
}

/** Dismisses every notification, so a test sees only those raised while it ran. */
export async function clearNotifications(): Promise<void> {
  await vscode.commands.executeCommand('notifications.clearAll');
}
