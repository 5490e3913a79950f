import { HOMEPAGE, VERSION } from '../version.js';

/** Pinned to the release, so a finding links to the docs of the version that produced it. */
export function helpUri(ruleId: string): string {
  return `${HOMEPAGE}/blob/v${VERSION}/docs/rules/${ruleId}.md`;
}
