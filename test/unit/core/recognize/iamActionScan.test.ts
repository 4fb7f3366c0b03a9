// The IAM action scanner against its reference regex: the same matches (index, prefix, action) from any start,
// on generated text dense in the characters the regex's lookarounds and backtracking depend on.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { IAM_ACTION_PATTERN, nextIamAction } from '../../../../server/src/core/recognize/iamActionScan';
import { params } from '../../fuzz/params';

function all(find: (text: string, from: number) => RegExpExecArray | null, text: string, from: number): string[] {
  const out: string[] = [];
  for (let m = find(text, from); m; m = find(text, m.index + m[0].length)) out.push(`${m.index}:${m[0]}|${m[1]}|${m[2]}`);
  return out;
}

const byRegex = (text: string, from: number) => {
  const re = new RegExp(IAM_ACTION_PATTERN.source, 'g');
  re.lastIndex = from;
  return re.exec(text);
};

const pieces = ['sqs', 's3', 'ec2', 'x', 'a-b', '9', '-', ':', '::', '*', '**', 'Send', 'Get', 'M', 'A1', '_', '.', '/', ' ', '\n', 'あ', 'Z', 'arn', 'Describe*x'];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((p) => p.join(''));

describe('nextIamAction', () => {
  it('finds actions, wildcards and their boundaries like the regex', () => {
    const sample = 'Allow sqs:SendMessage, s3:*, ec2:Describe* and ec2:Get*x; not arn:aws, x.sqs:Send, sqs:send, Sqs:Send, sqs:Send_x, sqs:**';
    const found = all(nextIamAction, sample, 0);
    assert.deepEqual(found, all(byRegex, sample, 0));
    assert.deepEqual(found.map((f) => f.split('|')[0].split(':').slice(1).join(':')), ['sqs:SendMessage', 's3:*', 'ec2:Describe*', 'ec2:Get', 'sqs:*']);
  });

  it('returns what the regex returns on generated text, from any start', () => {
    fc.assert(
      fc.property(text, fc.nat(), (t, n) => {
        const from = n % (t.length + 1);
        assert.deepEqual(all(nextIamAction, t, from), all(byRegex, t, from), JSON.stringify(t));
      }),
      params(3000),
    );
  });
});
