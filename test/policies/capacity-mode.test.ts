import { distributionFor, sameDistribution } from '../../policies/capacity-mode';

const cfg = { default: 'reserved' as const, reservedInstances: 2, balancedOnDemandPercent: 50, spotAllocationStrategy: 'price-capacity-optimized' };

describe('capacity mode', () => {
  it.each([
    ['reserved', 100],
    ['spot', 0],
    ['balanced', 50],
  ] as const)('%s keeps the 2 reserved instances as on-demand base with %i %% on-demand above it', (mode, pct) => {
    expect(distributionFor(mode, cfg)).toEqual({ onDemandBaseCapacity: 2, onDemandPercentageAboveBaseCapacity: pct, spotAllocationStrategy: 'price-capacity-optimized' });
  });

  it('compares distributions field by field', () => {
    expect(sameDistribution(distributionFor('spot', cfg), distributionFor('spot', cfg))).toBe(true);
    expect(sameDistribution(distributionFor('spot', cfg), distributionFor('balanced', cfg))).toBe(false);
  });
});
