// In the bundles, the SDK's event-stream codec is replaced by a module that refuses by name (serverless.yml alias).
import { EventStreamSerde, EventStreamsNotBundledError, eventStreamSerdeProvider } from '../../aws/no-event-streams';

describe('event streams in the bundles', () => {
  it('refuses the serde provider with an error that says the codec is not bundled and where', () => {
    // Act, Assess
    expect(() => eventStreamSerdeProvider()).toThrow(EventStreamsNotBundledError);
    expect(() => eventStreamSerdeProvider()).toThrow(/@smithy\/core\/event-streams is not bundled \(serverless\.yml custom\.esbuild\.alias\)/);
  });

  it('refuses to build the serde, so no streaming operation can run half-way', () => {
    // Act, Assess
    expect(() => new EventStreamSerde()).toThrow(EventStreamsNotBundledError);
  });
});
