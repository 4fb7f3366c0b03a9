// The document-kind feature providers the server offers, in the order they are asked.
import type { FeatureProvider } from '../core/featureProvider';

export function featureProviders(): FeatureProvider[] {
  return [];
}
