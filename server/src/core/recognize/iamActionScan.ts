// IAM actions in text (`sqs:SendMessage`, `s3:*`, `ec2:Describe*`), found from each ':' instead of by a regex tried
// at every position (the costliest regex of mention finding: issue 16 profile). The same matches as
// IAM_ACTION_PATTERN, the reference (test/unit/core/recognize/iamActionScan.test.ts compares them).

export const IAM_ACTION_PATTERN = /(?<![A-Za-z0-9_:./-])([a-z][a-z0-9-]*):(\*|[A-Z][A-Za-z0-9]*\*?)(?![A-Za-z0-9_])/g;

/**
 * What `IAM_ACTION_PATTERN.exec(text)` returns with lastIndex = from: the match (whole, prefix, action; index) or null.
 * The prefix runs back from the colon over [a-z0-9-], so a match can only start where that run starts.
 */
export function nextIamAction(text: string, from: number): RegExpExecArray | null {
  for (let colon = text.indexOf(':', from); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    let start = colon;
    while (start > 0 && isPrefixCode(text.charCodeAt(start - 1))) start--;
    if (start === colon || start < from) continue;
    const first = text.charCodeAt(start);
    if (first < 97 || first > 122) continue;
    if (start > 0 && isBlockedBefore(text.charCodeAt(start - 1))) continue;
    const end = actionEnd(text, colon + 1);
    if (end < 0) continue;
    const match = [text.slice(start, end), text.slice(start, colon), text.slice(colon + 1, end)] as unknown as RegExpExecArray;
    match.index = start;
    match.input = text;
    return match;
  }
  return null;
}

/** End of `\*|[A-Z][A-Za-z0-9]*\*?` at `at` followed by no word character (backtracking included), or -1. */
function actionEnd(text: string, at: number): number {
  if (at >= text.length) return -1;
  const c = text.charCodeAt(at);
  if (c === 42) return isWordCode(text.charCodeAt(at + 1)) ? -1 : at + 1;
  if (c < 65 || c > 90) return -1;
  let end = at + 1;
  while (end < text.length && isAlnumCode(text.charCodeAt(end))) end++;
  // `ec2:Describe*`; before a word character the star is given back and the match ends before it.
  if (text.charCodeAt(end) === 42) return isWordCode(text.charCodeAt(end + 1)) ? end : end + 1;
  return isWordCode(text.charCodeAt(end)) ? -1 : end;
}

/** [a-z0-9-] (charCodeAt past the end is NaN: false in every test here). */
function isPrefixCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45;
}

function isAlnumCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isWordCode(c: number): boolean {
  return isAlnumCode(c) || c === 95;
}

/** [A-Za-z0-9_:./-]: what may not come right before an IAM action. */
function isBlockedBefore(c: number): boolean {
  return isWordCode(c) || c === 58 || c === 46 || c === 47 || c === 45;
}
