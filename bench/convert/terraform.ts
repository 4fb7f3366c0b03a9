// `terraform validate -json` as the eval's second oracle, when the CLI and a local hashicorp/aws mirror are on the
// machine (TF_MIRROR, default /opt/tf-plugins). Never a runtime dependency of the product. Many templates are
// validated per init: each is a child module of one root; a module whose configuration fails to load hides the
// others' errors, so templates without errors in a batch that had any are validated again without the failing ones.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface TfDiag {
  summary: string;
  detail: string;
  /** Resource type and the argument/block named, when the message names them. */
  resourceType?: string;
  name?: string;
  /** Line in the template's HCL, and the snippet's code (for references: `data.aws_region.current.region`). */
  line?: number;
  code?: string;
}
export interface TfItem {
  /** Files next to main.tf, by path relative to the module (what file()/templatefile() read). */
  files?: Record<string, string>;
  key: string;
  hcl: string;
  /**
   * Variables without a default: the root passes an unknown value of any type (a terraform_data output), as a root
   * module's own variables are during validate; null would fail their validation conditions.
   */
  requiredVariables: string[];
}

export function terraformAvailable(): { version: string; provider: string } | undefined {
  const mirror = process.env.TF_MIRROR ?? '/opt/tf-plugins';
  try {
    const v = JSON.parse(execFileSync('terraform', ['version', '-json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as { terraform_version: string };
    const awsDir = path.join(mirror, 'registry.terraform.io', 'hashicorp', 'aws');
    const versions = fs.readdirSync(awsDir);
    if (!versions.length) return undefined;
    return { version: v.terraform_version, provider: versions.sort().at(-1)! };
  } catch {
    return undefined;
  }
}

/** The mirror has only hashicorp/aws: archive_file data sources become locals with the same attributes. */
export function stubArchiveFiles(hcl: string): { hcl: string; stubbed: number } {
  let stubbed = 0;
  const out = hcl.replace(/^data "archive_file" "([A-Za-z0-9_-]+)" \{\n[\s\S]*?^\}$\n?/gm, (m, name: string) => {
    stubbed++;
    const stub = `locals {\n  archive_file_${name} = { output_path = "stub.zip", output_base64sha256 = "stub" }\n}\n`;
    // Same number of lines, so that diagnostics' line numbers still point into the converter's output.
    return stub + '\n'.repeat(Math.max(0, m.split('\n').length - stub.split('\n').length));
  });
  return { hcl: out.replace(/\bdata\.archive_file\.([A-Za-z0-9_-]+)\./g, 'local.archive_file_$1.'), stubbed };
}

function run(dir: string, args: string[], env: NodeJS.ProcessEnv): { stdout: string; status: number } {
  const r = spawnSync('terraform', args, { cwd: dir, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { stdout: r.stdout ?? '', status: r.status ?? 1 };
}

type RawDiag = { severity?: string; summary?: string; detail?: string; range?: { filename?: string; start?: { line?: number } }; snippet?: { context?: string | null; code?: string } };

function parseDiag(d: RawDiag): TfDiag {
  const detail = d.detail ?? '';
  const named = /(?:argument named|Blocks of type|block type|attribute named) "([^"]+)"/.exec(detail) ?? /The argument "([^"]+)" is required/.exec(detail);
  const ctx = /resource "([^"]+)"/.exec(d.snippet?.context ?? '');
  return { summary: d.summary ?? '', detail, resourceType: ctx?.[1], name: named?.[1], line: d.range?.start?.line, code: d.snippet?.code };
}

/** Validates the items in batches; returns each item's error diagnostics (empty: valid). */
export function validateAll(items: TfItem[], batchSize = 40, log: (s: string) => void = () => {}): Map<string, TfDiag[]> {
  const mirror = process.env.TF_MIRROR ?? '/opt/tf-plugins';
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-tf-'));
  const cli = path.join(work, 'cli.tfrc');
  fs.writeFileSync(cli, `provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(mirror)}\n    include = ["registry.terraform.io/hashicorp/aws"]\n  }\n  direct {\n    exclude = ["registry.terraform.io/hashicorp/aws"]\n  }\n}\n`);
  const env = { ...process.env, TF_CLI_CONFIG_FILE: cli, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_PLUGIN_CACHE_DIR: '' };
  const result = new Map<string, TfDiag[]>();
  let runs = 0;
  try {
    let pending = items.slice();
    let batchNo = 0;
    while (pending.length) {
      let batch = pending.slice(0, batchSize);
      pending = pending.slice(batchSize);
      while (batch.length) {
        const dir = path.join(work, `b${batchNo++}`);
        fs.mkdirSync(dir);
        const root: string[] = [];
        batch.forEach((item, k) => {
          const mod = `t${k}`;
          fs.mkdirSync(path.join(dir, mod));
          fs.writeFileSync(path.join(dir, mod, 'main.tf'), item.hcl);
          // The project's own files the configuration reads (a state machine definition), as in a real checkout.
          for (const [rel, text] of Object.entries(item.files ?? {})) {
            fs.mkdirSync(path.dirname(path.join(dir, mod, rel)), { recursive: true });
            fs.writeFileSync(path.join(dir, mod, rel), text);
          }
          root.push(`module "${mod}" {\n  source = "./${mod}"\n${item.requiredVariables.map((v) => `  ${v} = terraform_data.unknown.output\n`).join('')}}\n`);
        });
        root.push('resource "terraform_data" "unknown" {}\n');
        fs.writeFileSync(path.join(dir, 'main.tf'), root.join('\n'));
        const byModule = (file: string | undefined, ctx: string | undefined): number | undefined => {
          const m = /^t(\d+)\//.exec(file ?? '') ?? /module "t(\d+)"/.exec(ctx ?? '');
          return m ? Number(m[1]) : undefined;
        };
        const failing = new Map<number, TfDiag[]>();
        let unattributed = 0;
        const init = run(dir, ['init', '-backend=false', '-input=false', '-no-color', '-json'], env);
        runs++;
        const diags: RawDiag[] = [];
        if (init.status !== 0) {
          for (const l of init.stdout.split('\n')) {
            try {
              const m = JSON.parse(l) as { diagnostic?: (typeof diags)[number] };
              if (m.diagnostic) diags.push(m.diagnostic);
            } catch {
              /* not JSON */
            }
          }
        } else {
          const v = run(dir, ['validate', '-json', '-no-color'], env);
          runs++;
          try {
            diags.push(...((JSON.parse(v.stdout) as { diagnostics: typeof diags }).diagnostics ?? []));
          } catch {
            unattributed++;
          }
        }
        for (const d of diags) {
          if (d.severity !== 'error') continue;
          const k = byModule(d.range?.filename, d.snippet?.context ?? undefined);
          if (k === undefined) {
            unattributed++;
            continue;
          }
          failing.set(k, [...(failing.get(k) ?? []), parseDiag(d)]);
        }
        for (const [k, ds] of failing) result.set(batch[k].key, ds);
        const rest = batch.filter((_x, k) => !failing.has(k));
        if (failing.size === 0 && unattributed === 0) {
          for (const item of batch) result.set(item.key, []);
          batch = [];
        } else if (failing.size === 0 && batch.length === 1) {
          result.set(batch[0].key, [{ summary: 'error outside the template', detail: '' }]);
          batch = [];
        } else if (failing.size === 0) {
          // Errors that name no template: validate one by one so each is judged alone.
          for (const item of rest) pending.unshift(item);
          batchSize = 1;
          batch = [];
        } else batch = rest;
        log(`terraform batch ${batchNo}: ${failing.size} failing, ${batch.length} to recheck`);
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  log(`terraform: ${runs} runs`);
  return result;
}
