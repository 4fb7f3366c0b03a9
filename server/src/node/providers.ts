// The document-kind feature providers the server offers, in the order they are asked.
import type { FeatureProvider } from '../core/featureProvider';
import { resourceCodeLensProvider } from '../core/features/resourceCodeLens';

export function featureProviders(): FeatureProvider[] {
  return [
    resourceCodeLensProvider,
  ];
}
