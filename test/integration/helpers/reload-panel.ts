// What the start-up suite's panel tests share across the window reload.
import { workspaceUri } from './workspace.js';

/** The workload selected in the panel before the reload. */
export const SELECTED_WORKLOAD = { file: 'panel/services.yaml', id: 'Job/startup/report' };

/** The panel's key of the selected workload: its file's uri and its id. */
export function selectedKey(): string {
  return `${workspaceUri(SELECTED_WORKLOAD.file).toString()}|${SELECTED_WORKLOAD.id}`;
}

/** A function source that reads the key of the panel's selected card, or null. */
export const READ_SELECTED_CARD = `() =>
  document.querySelector('article.card[aria-current="true"]')?.dataset.key ?? null`;
