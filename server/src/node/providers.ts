// The document-kind feature providers the server offers, in the order they are asked.
import { cloudFormationProvider, type FeatureProvider, resourceCodeLensProvider, terraformProvider } from '../core';

export function featureProviders(): FeatureProvider[] {
  return [
    cloudFormationProvider,
    resourceCodeLensProvider,
    terraformProvider,
  ];
}
