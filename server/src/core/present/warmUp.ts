// The hover's Markdown sanitiser parses every excerpt with remark/micromark, whose first runs are unoptimised
// (tens of ms each at the start). Issue 16: the crawl leaves the request thread idle, so the server runs this
// in idle slices at start, before a hover needs it. The sample is ours, with the constructs notes use.
import { sanitizeNoteMarkdown } from './sanitize';

const SAMPLE = [
  '## キューの設定\n\n**可視性タイムアウト**は処理時間より長くする。詳しくは [公式](https://docs.aws.amazon.com/) を参照。  \n次の行。',
  '| 項目 | SQS | SNS |\n| --- |:--:| ---: |\n| 配信 | `pull` | push<br>fan-out |\n| 順序 | FIFO | ~~なし~~ |',
  '- Lambda の実行ロール\n  - `sqs:ReceiveMessage`\n  1. 手順 <https://example.com>\n\n```json\n{ "Effect": "Allow", "Action": ["sqs:*"] }\n```',
  '> 注意: *DLQ* を設定する\n\n<details><summary>例</summary>\n\n~~~yaml\nType: AWS::SQS::Queue\n~~~\n\n</details>\n\n---\n\n![図](https://example.com/a.png) mail@example.com www.example.com',
];

/** Sanitises the `round`-th text of the sample (≈1–3 ms once warm; the first ones take longer). */
export function warmUpMarkdown(round: number): void {
  sanitizeNoteMarkdown(SAMPLE[round % SAMPLE.length]);
}
