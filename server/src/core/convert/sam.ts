// placeholder
import type { CfnValueMap } from '../cfn';
import type { ConvertContext } from './context';
export function planSamResource(_ctx: ConvertContext, _id: string, _type: string, _r: CfnValueMap, _counted: boolean): void {}
export function convertSamResource(_ctx: ConvertContext, _id: string, _type: string, _r: CfnValueMap): void {}
