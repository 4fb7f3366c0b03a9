// Registers every CloudFormation short-form tag with the `yaml` library in all three node shapes, so that
// `!Ref` & co. never produce "Unresolved tag" noise. The tag stays on the node; the model reads it from there.
import { YAMLMap, YAMLSeq, type Tags } from 'yaml';
import { SHORT_TAGS } from './intrinsics';

function makeTags(): Tags {
  const tags: Tags = [];
  for (const tag of SHORT_TAGS.keys()) {
    tags.push({ tag, resolve: (value: string) => value });
    tags.push({ tag, collection: 'seq', nodeClass: YAMLSeq, resolve: (seq) => seq });
    tags.push({ tag, collection: 'map', nodeClass: YAMLMap, resolve: (map) => map });
  }
  return tags;
}

export const CFN_YAML_TAGS: Tags = makeTags();
