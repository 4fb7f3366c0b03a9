// The document-kind feature providers the server offers, in the order they are asked.
import { cloudFormationProvider } from '../core/cfn/features/provider';
import type { FeatureProvider } from '../core/featureProvider';
import { resourceCodeLensProvider } from '../core/features/resourceCodeLens';
import { terraformProvider } from '../core/terraform/provider';

export function featureProviders(): FeatureProvider[] {
  return [
    cloudFormationProvider,
    resourceCodeLensProvider,
    terraformProvider,
  ];
}
