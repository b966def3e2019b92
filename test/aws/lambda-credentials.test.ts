// In the bundles the SDK's default credential chain is the environment's alone: Lambda sets the role's keys there.
import { defaultProvider } from '../../aws/lambda-credentials';

describe('Lambda credentials', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('resolves the execution role\'s keys and session token from the environment', async () => {
    // Prepare
    process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
    process.env.AWS_SECRET_ACCESS_KEY = 'secret';
    process.env.AWS_SESSION_TOKEN = 'token';
    // Act
    const credentials = await defaultProvider()();
    // Assess
    expect(credentials).toMatchObject({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token' });
  });

  it('fails, rather than reaching for profiles or instance metadata, when the environment has no keys', async () => {
    // Prepare
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    // Act, Assess
    await expect(defaultProvider()()).rejects.toThrow(/environment/i);
  });
});
