// Registers aws-sdk-client-mock's jest matchers (toHaveReceivedCommandWith, ...) for every test file.
import 'aws-sdk-client-mock-jest';
