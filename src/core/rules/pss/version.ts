/** A Pod Security Standards version: Kubernetes 1.minor, or `latest`. */
export interface PssVersion {
  minor: number;
  /** Whether the version was given as `latest`. */
  latest: boolean;
}

/** The newest Kubernetes minor version whose Pod Security Standards Layerwise knows. */
export const LATEST_PSS_MINOR = 37;

export const LATEST_PSS_VERSION: PssVersion = { minor: LATEST_PSS_MINOR, latest: true };

/**
 * Reads `v1.N` or `latest`, as the `pod-security.kubernetes.io/*-version` labels write it.
 * Returns undefined for anything else. Versions newer than Layerwise knows evaluate as the
 * newest it knows, as the admission controller does with versions newer than itself.
 */
export function parsePssVersion(text: string): PssVersion | undefined {
  const trimmed = text.trim();
  if (trimmed === 'latest') return LATEST_PSS_VERSION;
  const match = /^v1\.(\d{1,3})$/.exec(trimmed);
  if (!match) return undefined;
  const minor = Number(match[1]);
  return { minor: Math.min(minor, LATEST_PSS_MINOR), latest: false };
}

export function formatPssVersion(version: PssVersion): string {
  return version.latest ? 'latest' : `v1.${version.minor}`;
}
