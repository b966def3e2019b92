// What woke the controller: a discriminated union, carried into every decision record.
export type Trigger =
  | { readonly kind: 'alarm'; readonly alarmName: string; readonly state: string; readonly source: 'eventbridge' | 'sns' }
  | { readonly kind: 'schedule'; readonly rule: string }
  | { readonly kind: 'health'; readonly via: 'schedule' | 'alarm'; readonly alarmName?: string }
  | { readonly kind: 'manual'; readonly action: string; readonly by: 'lambda' | 'cli' }
  | { readonly kind: 'spot'; readonly signal: 'interruption' | 'rebalance'; readonly instanceId: string };
