// Keeps the AWS SDK's Node version notice (8 lines on stderr before every command on Node 20) off the operator's
// screen. The SDK documents this switch: https://github.com/aws/aws-sdk-js-v3/issues/7983 . The notice is about
// future SDK releases; package.json's engines and the README say which Node to run. --debug shows it again.
export const quietSdk = (argv: readonly string[], env: NodeJS.ProcessEnv = process.env): void => {
  if (argv.includes('--debug')) return;
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
};
