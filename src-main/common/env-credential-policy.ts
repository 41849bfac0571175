/**
 * Which environment variables the renderer may name as the credential source. The renderer is
 * less trusted than main: a compromised page could otherwise ask main to send AWS_SECRET_ACCESS_KEY
 * or GITHUB_TOKEN to a server of its choosing. A name that looks like an API key's variable is
 * allowed; a well-known variable of another system (cloud, CI, package registry, SSH) or one that
 * does not look like a key at all needs the request's explicit `confirmed: true` (the user said
 * yes to "send the value of X to this server?").
 */
const NOT_AN_API_KEY = [
  /^AWS_/,
  /^AMAZON_/,
  /^GOOGLE_APPLICATION_CREDENTIALS$/,
  /^(GCP|GCLOUD|CLOUDSDK)_/,
  /^AZURE_(CLIENT|TENANT|SUBSCRIPTION|STORAGE)_/,
  /^ARM_/,
  /^(GITHUB|GH|GITLAB|GL|BITBUCKET|GITEA)_/,
  /^(CI|CIRCLE|TRAVIS|BUILDKITE|DRONE|JENKINS|TEAMCITY|BAMBOO)_/,
  /^(NPM|NODE_AUTH|YARN|PYPI|TWINE|CARGO_REGISTRY|NUGET|GEM_HOST|RUBYGEMS)_/,
  /^npm_/,
  /^(DOCKER|KUBE|KUBERNETES|HELM|VAULT|CONSUL|NOMAD|TF|TERRAFORM)_/,
  /^(SSH|GPG|GNUPG)_/,
  /^(HEROKU|DIGITALOCEAN|DO|LINODE|VERCEL|NETLIFY|FLY|RENDER|SENTRY|DATADOG|DD|SLACK|STRIPE|TWILIO|SENDGRID)_/,
  /^(DATABASE|DB|REDIS|MONGO|MONGODB|POSTGRES|PG|MYSQL)_?/,
];

/** Looks like the variable of an API key or token. */
const API_KEY_LIKE = /(^|_)(API_?KEY|KEY|TOKEN|SECRET|ACCESS_TOKEN|AUTH|BEARER)($|_)/i;

export function envCredentialRefusal(variable: string, confirmed: boolean): string | null {
  if (confirmed) return null;
  if (NOT_AN_API_KEY.some((re) => re.test(variable))) return `${variable} belongs to another system, not an API key: confirm that its value may be sent to this server`;
  if (!API_KEY_LIKE.test(variable)) return `${variable} does not look like an API key variable: confirm that its value may be sent to this server`;
  return null;
}
