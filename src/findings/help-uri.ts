import { HOMEPAGE, VERSION } from '../version.js';

const known = new Map<string, string>();

/** Pinned to the release, so a finding links to the docs of the version that produced it. One string per rule, shared by its findings. */
export function helpUri(ruleId: string): string {
  let uri = known.get(ruleId);
  if (uri === undefined) known.set(ruleId, (uri = `${HOMEPAGE}/blob/v${VERSION}/docs/rules/${ruleId}.md`));
  return uri;
}
