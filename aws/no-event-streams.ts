// Stands in for @smithy/core/event-streams in the Lambda bundles (serverless.yml custom.esbuild.alias). The SDK loads
// it with a dynamic import() only for operations that stream events, and none of ours do (Auto Scaling, CloudWatch,
// ELBv2); yet that one import() made esbuild wrap about 160 of the bundle's modules in lazy initialisers and carry
// the event-stream codec, CRC32 and zlib (README, "Bundles"). Should an operation ever stream, it fails here, by name.

export class EventStreamsNotBundledError extends Error {
  constructor() {
    super('@smithy/core/event-streams is not bundled (serverless.yml custom.esbuild.alias): an operation that streams events needs it back');
    this.name = 'EventStreamsNotBundledError';
  }
}

const refuse = (): never => {
  throw new EventStreamsNotBundledError();
};

// The two names the SDK's HttpProtocol takes from the module.
export class EventStreamSerde {
  constructor() {
    refuse();
  }
}

export const eventStreamSerdeProvider = (): never => refuse();
